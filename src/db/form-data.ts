import type { TChoice } from "../app/conversation/events.ts";
import type { TFormData, TStoredConvention } from "../app/ports/conventions.ts";
import type { TValueLabels } from "../cards/views.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { LANGUES } from "../domain/sections/etudiant.ts";
import type { TSectionId } from "../domain/sections/index.ts";
import type { PrismaClient, ReferenceList } from "../generated/prisma/client.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import {
  contactLabel as contactChoiceLabel,
  cpamLabel as cpamChoiceLabel,
  etablissementLabel as etablissementChoiceLabel,
  serviceLabel as serviceChoiceLabel,
  teacherLabel as teacherChoiceLabel,
} from "../app/hosts/host-labels.ts";
import { loadConventionRecords } from "./convention-records.ts";
import { createHostDirectory } from "./host-directory.ts";
import { contactLabel, cpamLabel, elementLabel, etablissementLabel, teacherLabel } from "./form-labels.ts";

type TChoices = Partial<Record<keyof TConventionValues, TChoice[]>>;

/** Code fields and the reference list their choices come from. */
const LIST_FIELDS: ReadonlyArray<[keyof TConventionValues, ReferenceList]> = [
  ["thematiqueCode", "THEMATIQUE"],
  ["tempsTravailCode", "TEMPS_TRAVAIL"],
  ["gratificationType", "TYPE_GRATIFICATION"],
  ["gratificationUnite", "UNITE_DUREE"],
  ["deviseCode", "DEVISE"],
  ["modeVersementCode", "MODE_VERSEMENT"],
  ["origineStageCode", "ORIGINE_STAGE"],
  ["natureTravailCode", "NATURE_TRAVAIL"],
  ["modaliteValidationCode", "MODALITE_VALIDATION"],
  ["typeConvention", "TYPE_CONVENTION"],
];

/** Reference lists change only through an admin: read them once per process. */
function referenceCache(prisma: PrismaClient) {
  let items: Promise<Array<{ list: ReferenceList; code: string; label: string; labelEn: string }>> | undefined;
  let pays: Promise<Array<{ iso2: string; label: string; labelEn: string }>> | undefined;
  return {
    items: () => (items ??= prisma.referenceItem.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { label: "asc" }] })),
    pays: () => (pays ??= prisma.pays.findMany({ where: { active: true }, orderBy: { label: "asc" } })),
  };
}

/** Choices and labels of the forms, from PostgreSQL. */
export function createFormData(prisma: PrismaClient): TFormData {
  const cache = referenceCache(prisma);
  const hosts = createHostDirectory(prisma);

  const listChoices = async (list: ReferenceList, locale: TLocale): Promise<TChoice[]> =>
    (await cache.items()).filter((item) => item.list === list).map((item) => ({ value: item.code, title: locale === "en" ? item.labelEn : item.label }));
  const paysChoices = async (locale: TLocale): Promise<TChoice[]> =>
    (await cache.pays()).map((row) => ({ value: row.iso2, title: locale === "en" ? row.labelEn : row.label }));

  async function etudiantChoices(convention: TStoredConvention, locale: TLocale): Promise<TChoices> {
    const inscriptions = await prisma.inscription.findMany({
      where: { studentId: convention.studentId },
      orderBy: { academicYear: "desc" },
      include: { formation: { include: { elementsPedagogiques: { orderBy: { code: "asc" } } } } },
    });
    const current = inscriptions.find((inscription) => inscription.id === convention.values.inscriptionId);
    const cpam = await prisma.cpam.findMany({ where: { active: true }, orderBy: [{ departement: "asc" }, { label: "asc" }] });
    return {
      inscriptionId: inscriptions.map((inscription) => ({
        value: String(inscription.id),
        title: translate(locale, "forms:inscription", { code: inscription.formation.code, label: inscription.formation.label, year: inscription.academicYear }),
      })),
      elementPedagogiqueId: (current ? [current] : inscriptions).flatMap((inscription) =>
        inscription.formation.elementsPedagogiques.map((element) => ({
          value: String(element.id),
          title: elementLabel(locale, { code: element.code, label: element.label, ects: element.ects?.toNumber() ?? null }),
        })),
      ),
      cpamId: cpam.map((row) => ({ value: String(row.id), title: cpamChoiceLabel(row) })),
      langue: LANGUES.map((langue) => ({ value: langue, title: translate(locale, `forms:langue.${langue}`) })),
      etudiantCountryIso2: await paysChoices(locale),
    };
  }

  async function hostChoices(sectionId: TSectionId, convention: TStoredConvention): Promise<TChoices> {
    const etablissementId = convention.values.etablissementId;
    if (etablissementId === null) return {};
    if (sectionId === "service") {
      const services = await prisma.service.findMany({ where: { etablissementId }, orderBy: { name: "asc" } });
      return { serviceId: services.map((service) => ({ value: String(service.id), title: serviceChoiceLabel(service) })) };
    }
    const contacts = await prisma.contact.findMany({
      where: { etablissementId },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      include: { service: { select: { name: true } } },
    });
    const choices = contacts.map((contact) => ({
      value: String(contact.id),
      title: contactChoiceLabel({ ...contact, serviceName: contact.service?.name ?? null }),
    }));
    return sectionId === "tuteur" ? { tuteurId: choices } : { signataireId: choices };
  }

  async function stageChoices(locale: TLocale): Promise<TChoices> {
    const choices: TChoices = { paysIso2: await paysChoices(locale) };
    for (const [field, list] of LIST_FIELDS) choices[field] = await listChoices(list, locale);
    return choices;
  }

  // Search fields (établissement, enseignant) only need their current value as a static choice,
  // titled as the typeahead titles it: the renderers list static and searched choices together.
  async function currentChoice(field: "etablissementId" | "enseignantId", convention: TStoredConvention): Promise<TChoices> {
    const value = convention.values[field];
    if (value === null) return {};
    const title = field === "etablissementId" ? await etablissementChoiceTitle(value) : await teacherChoiceTitle(value);
    return title === null ? {} : { [field]: [{ value: String(value), title }] };
  }

  async function etablissementChoiceTitle(id: number): Promise<string | null> {
    const record = await hosts.getEtablissement(id);
    return record === null ? null : etablissementChoiceLabel(record);
  }

  async function teacherChoiceTitle(personId: number): Promise<string | null> {
    const teacher = await prisma.teacher.findUnique({ where: { personId }, include: { person: true } });
    if (teacher === null) return null;
    const { lastName, firstName, email } = teacher.person;
    return teacherChoiceLabel({ personId, lastName, firstName, email, department: teacher.department });
  }

  async function labelsFor(values: Partial<TConventionValues>, locale: TLocale): Promise<TValueLabels> {
    const labels: TValueLabels = {};
    const [items, pays] = await Promise.all([cache.items(), cache.pays()]);
    for (const [field, list] of LIST_FIELDS) {
      const item = items.find((candidate) => candidate.list === list && candidate.code === values[field]);
      if (item) labels[field] = locale === "en" ? item.labelEn : item.label;
    }
    for (const field of ["paysIso2", "etudiantCountryIso2"] as const) {
      const row = pays.find((candidate) => candidate.iso2 === values[field]);
      if (row) labels[field] = locale === "en" ? row.labelEn : row.label;
    }
    if (values.langue) labels.langue = translate(locale, `forms:langue.${values.langue}`);
    await recordLabels(prisma, values, locale, labels);
    return labels;
  }

  return {
    choicesFor: async (sectionId, convention, locale) => {
      switch (sectionId) {
        case "etudiant":
          return etudiantChoices(convention, locale);
        case "stage":
          return stageChoices(locale);
        case "etablissement":
          return currentChoice("etablissementId", convention);
        case "enseignant":
          return currentChoice("enseignantId", convention);
        default:
          return hostChoices(sectionId, convention);
      }
    },
    labelsFor,
    hostChoices: async (kind, etablissementId, locale): Promise<Record<string, TChoice[]>> => {
      if (kind === "contact") {
        const services = etablissementId === null ? [] : await prisma.service.findMany({ where: { etablissementId }, orderBy: { name: "asc" } });
        return { serviceId: services.map((service) => ({ value: String(service.id), title: service.name })) };
      }
      const countryIso2 = await paysChoices(locale);
      if (kind === "service") return { countryIso2 };
      return {
        typeStructureCode: await listChoices("TYPE_STRUCTURE", locale),
        statutJuridiqueCode: await listChoices("STATUT_JURIDIQUE", locale),
        effectifCode: await listChoices("EFFECTIF", locale),
        countryIso2,
      };
    },
  };
}

/** Labels of the directory records a convention points to. */
async function recordLabels(prisma: PrismaClient, values: Partial<TConventionValues>, locale: TLocale, labels: TValueLabels): Promise<void> {
  const { cpam, inscription, element, etablissement, service, tuteur, signataire, enseignant } = await loadConventionRecords(prisma, values);
  if (cpam) labels.cpamId = cpamLabel(locale, cpam);
  if (inscription) {
    const params = { code: inscription.formation.code, label: inscription.formation.label, year: inscription.academicYear };
    labels.inscriptionId = translate(locale, "forms:inscription", params);
  }
  if (element) labels.elementPedagogiqueId = elementLabel(locale, { ...element, ects: element.ects?.toNumber() ?? null });
  if (etablissement) labels.etablissementId = etablissementLabel(locale, etablissement);
  if (service) labels.serviceId = service.name;
  if (tuteur) labels.tuteurId = contactLabel(locale, tuteur);
  if (signataire) labels.signataireId = contactLabel(locale, signataire);
  if (enseignant) labels.enseignantId = teacherLabel(locale, { ...enseignant.person, department: enseignant.department });
}
