import type { TAnswerChecks, TConventionUpdate, TStoredConvention } from "../app/ports/conventions.ts";
import { languageModelOf } from "../domain/convention-language.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { etablissementConsistencyErrors, type TFieldError, type TSectionId } from "../domain/sections/index.ts";
import type { PrismaClient, ReferenceList } from "../generated/prisma/client.ts";

/** Which reference list each code field of the stage section must come from. */
const CODE_LISTS: ReadonlyArray<[keyof TConventionValues, ReferenceList]> = [
  ["thematiqueCode", "THEMATIQUE"],
  ["tempsTravailCode", "TEMPS_TRAVAIL"],
  ["deviseCode", "DEVISE"],
  ["modeVersementCode", "MODE_VERSEMENT"],
  ["origineStageCode", "ORIGINE_STAGE"],
  ["natureTravailCode", "NATURE_TRAVAIL"],
  ["modaliteValidationCode", "MODALITE_VALIDATION"],
];

type TCheck = { errors: TFieldError[]; derived: TConventionUpdate };

// The language model follows the stage's country once it is known: a contradicting choice is
// refused, saying which model the country asks (before it is known, the choice stands until
// the stage section derives it).
async function langueErrors(prisma: PrismaClient, answers: Partial<TConventionValues>, stored: TStoredConvention): Promise<TFieldError[]> {
  const iso2 = stored.values.paysIso2;
  if (answers.langue == null || iso2 === null) return [];
  const pays = await prisma.pays.findUnique({ where: { iso2 } });
  if (!pays) return [];
  const expected = languageModelOf(pays);
  if (expected === answers.langue) return [];
  return [{ field: "langue", code: "langue_mismatch", params: { expected, countryFr: pays.label, countryEn: pays.labelEn } }];
}

async function checkEtudiant(prisma: PrismaClient, answers: Partial<TConventionValues>, stored: TStoredConvention): Promise<TCheck> {
  const result: TCheck = { errors: [], derived: {} };
  if (answers.cpamId != null && (await prisma.cpam.count({ where: { id: answers.cpamId } })) === 0) {
    result.errors.push({ field: "cpamId", code: "invalid_choice" });
  }
  if (answers.etudiantCountryIso2 != null && (await prisma.pays.count({ where: { iso2: answers.etudiantCountryIso2 } })) === 0) {
    result.errors.push({ field: "etudiantCountryIso2", code: "invalid_country" });
  }
  result.errors.push(...(await langueErrors(prisma, answers, stored)));
  const inscriptionId = answers.inscriptionId !== undefined ? answers.inscriptionId : stored.values.inscriptionId;
  const inscription =
    inscriptionId === null
      ? null
      : await prisma.inscription.findFirst({
          where: { id: inscriptionId, studentId: stored.studentId },
          include: { formation: { include: { elementsPedagogiques: { select: { id: true } } } } },
        });
  if (inscriptionId !== null && inscription === null) result.errors.push({ field: "inscriptionId", code: "invalid_choice" });
  if (answers.inscriptionId !== undefined) {
    result.derived.academicYear = inscription?.academicYear ?? null;
    result.derived.typeConvention = inscription?.typeConvention ?? null;
  }
  const elementId = answers.elementPedagogiqueId !== undefined ? answers.elementPedagogiqueId : stored.values.elementPedagogiqueId;
  const elementOk = elementId === null || (inscription?.formation.elementsPedagogiques.some((element) => element.id === elementId) ?? false);
  if (!elementOk) {
    // A new inscription makes the old élément pédagogique meaningless: reset it rather than refuse.
    if (answers.elementPedagogiqueId === undefined) result.derived.elementPedagogiqueId = null;
    else result.errors.push({ field: "elementPedagogiqueId", code: "invalid_choice" });
  }
  return result;
}

async function checkHost(prisma: PrismaClient, answers: Partial<TConventionValues>, stored: TStoredConvention): Promise<TCheck> {
  const result: TCheck = { errors: [], derived: {} };
  const etablissementId = answers.etablissementId;
  if (etablissementId == null) return result;
  if ((await prisma.etablissement.count({ where: { id: etablissementId } })) === 0) {
    result.errors.push({ field: "etablissementId", code: "invalid_choice" });
  } else if (etablissementId !== stored.values.etablissementId) {
    // Service, tuteur and signataire belong to the former host: they must be chosen again.
    result.derived = { serviceId: null, tuteurId: null, signataireId: null };
  }
  return result;
}

async function checkHostChild(prisma: PrismaClient, answers: Partial<TConventionValues>, stored: TStoredConvention): Promise<TCheck> {
  const ownerOf = async (field: "serviceId" | "tuteurId" | "signataireId") => {
    const id = answers[field];
    if (id == null) return undefined;
    const row =
      field === "serviceId"
        ? await prisma.service.findUnique({ where: { id }, select: { etablissementId: true } })
        : await prisma.contact.findUnique({ where: { id }, select: { etablissementId: true } });
    return row?.etablissementId ?? -1;
  };
  const [serviceOwner, tuteurOwner, signataireOwner] = await Promise.all([ownerOf("serviceId"), ownerOf("tuteurId"), ownerOf("signataireId")]);
  const errors: TFieldError[] = [];
  for (const [field, owner] of [
    ["serviceId", serviceOwner],
    ["tuteurId", tuteurOwner],
    ["signataireId", signataireOwner],
  ] as const) {
    if (owner === -1) errors.push({ field, code: "invalid_choice" });
  }
  if (stored.values.etablissementId === null && [serviceOwner, tuteurOwner, signataireOwner].some((owner) => owner !== undefined)) {
    errors.push({ field: "etablissementId", code: "required" });
  }
  errors.push(
    ...etablissementConsistencyErrors({
      etablissementId: stored.values.etablissementId,
      serviceEtablissementId: serviceOwner === -1 ? undefined : serviceOwner,
      tuteurEtablissementId: tuteurOwner === -1 ? undefined : tuteurOwner,
      signataireEtablissementId: signataireOwner === -1 ? undefined : signataireOwner,
    }),
  );
  return { errors, derived: {} };
}

async function checkStage(prisma: PrismaClient, answers: Partial<TConventionValues>): Promise<TCheck> {
  const result: TCheck = { errors: [], derived: {} };
  for (const [field, list] of CODE_LISTS) {
    const code = answers[field];
    if (typeof code === "string" && (await prisma.referenceItem.count({ where: { list, code, active: true } })) === 0) {
      result.errors.push({ field, code: "invalid_choice" });
    }
  }
  if (answers.paysIso2 != null) {
    const pays = await prisma.pays.findUnique({ where: { iso2: answers.paysIso2 } });
    if (!pays) result.errors.push({ field: "paysIso2", code: "invalid_country" });
    // The language model follows the country (DESIGN, section 1).
    else result.derived.langue = languageModelOf(pays);
  }
  return result;
}

async function checkEnseignant(prisma: PrismaClient, answers: Partial<TConventionValues>): Promise<TCheck> {
  const id = answers.enseignantId;
  if (id == null || (await prisma.teacher.count({ where: { personId: id } })) > 0) return { errors: [], derived: {} };
  return { errors: [{ field: "enseignantId", code: "invalid_choice" }], derived: {} };
}

/** Answer checks against PostgreSQL's directory and reference lists. */
export function createAnswerChecks(prisma: PrismaClient): TAnswerChecks {
  const bySection: Record<TSectionId, (answers: Partial<TConventionValues>, stored: TStoredConvention) => Promise<TCheck>> = {
    etudiant: (answers, stored) => checkEtudiant(prisma, answers, stored),
    etablissement: (answers, stored) => checkHost(prisma, answers, stored),
    service: (answers, stored) => checkHostChild(prisma, answers, stored),
    tuteur: (answers, stored) => checkHostChild(prisma, answers, stored),
    signataire: (answers, stored) => checkHostChild(prisma, answers, stored),
    stage: (answers) => checkStage(prisma, answers),
    enseignant: (answers) => checkEnseignant(prisma, answers),
  };
  return { check: (sectionId, answers, stored) => bySection[sectionId](answers, stored) };
}
