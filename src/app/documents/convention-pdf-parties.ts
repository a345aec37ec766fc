import type { TPdfFact, TPdfSection, TSignatureBlock } from "../../pdf/model.ts";
import { clause, labelOf, orNotSet, t, word, type TPdfContext } from "./convention-pdf-context.ts";
import { signatoryOf, signatoryText } from "./convention-pdf-validations.ts";
import { addressOf, joinLocalized, pdfDate, personName } from "./pdf-text.ts";
import type { TContactFacts } from "../ports/documents.ts";

// The three parties (institution, host, student) and the five signature boxes.

/** "M. Jean-Marc ROUSSEAU — Directeur général". */
export function contactName(contact: TContactFacts | null, withFonction = true): string {
  if (contact === null) return "";
  const name = [contact.civilite, personName(contact.firstName, contact.lastName)].filter(Boolean).join(" ");
  return withFonction && contact.fonction ? `${name} — ${contact.fonction}` : name;
}

/** "claire.vidal@aphm-demo.fr · 04 91 38 36 40". */
export function contactDetails(email: string | null | undefined, phone: string | null | undefined): string {
  return [email, phone].filter((part): part is string => Boolean(part)).join(" · ");
}

function fact(ctx: TPdfContext, key: string, value: string | null | undefined): TPdfFact {
  return { label: t(ctx, `facts.${key}`), value: orNotSet(ctx, value) };
}

function institutionSection(ctx: TPdfContext): TPdfSection {
  const centre = ctx.parties.centre;
  return {
    title: t(ctx, "parties.institution"),
    blocks: [
      { kind: "clause", text: clause(ctx, "intro") },
      {
        kind: "facts",
        facts: [
          fact(ctx, "institutionName", ctx.institution.name),
          fact(ctx, "centre", centre?.name),
          fact(ctx, "address", centre?.address),
          fact(ctx, "contactDetails", contactDetails(centre?.email, centre?.phone)),
          fact(ctx, "representedBy", signatoryText(ctx)),
        ],
      },
    ],
  };
}

function hostSection(ctx: TPdfContext): TPdfSection {
  const host = ctx.parties.etablissement;
  const service = ctx.parties.service;
  const country = host ? joinLocalized(ctx.bilingual ? host.country : { fr: host.country.fr }) : null;
  return {
    title: t(ctx, "parties.host"),
    blocks: [
      {
        kind: "facts",
        facts: [
          fact(ctx, "raisonSociale", host?.raisonSociale),
          fact(ctx, "siret", host ? (host.siret ?? word(ctx, "values.noSiret")) : null),
          ...(host?.activite ? [fact(ctx, "activite", host.activite)] : []),
          fact(ctx, "address", host ? addressOf(host.addressLine, host.postalCode, host.city) : null),
          fact(ctx, "country", country),
          fact(ctx, "contactDetails", contactDetails(host?.email, host?.phone)),
          fact(ctx, "service", service?.name),
          fact(ctx, "serviceAddress", service ? addressOf(service.addressLine, service.postalCode, service.city) : null),
          fact(ctx, "signataire", contactName(ctx.parties.signataire)),
          fact(ctx, "contactDetails", contactDetails(ctx.parties.signataire?.email, ctx.parties.signataire?.phone)),
        ],
      },
    ],
  };
}

/** The caisse to contact in case of accident: the CPAM with its address, or the "Autre" one. */
export function cpamValue(ctx: TPdfContext): string | null {
  const { cpam } = ctx.parties;
  if (cpam) return [cpam.label, cpam.address].filter(Boolean).join(", ");
  const autre = ctx.values.cpamAutre;
  return autre ? word(ctx, "values.cpamAutre", { name: autre }) : null;
}

function studentSection(ctx: TPdfContext): TPdfSection {
  const v = ctx.values;
  const country = labelOf(ctx, "etudiantCountryIso2");
  return {
    title: t(ctx, "parties.student"),
    blocks: [
      {
        kind: "facts",
        facts: [
          fact(ctx, "studentName", ctx.studentName),
          fact(ctx, "studentNumber", v.etudiantNumber),
          fact(ctx, "birthDate", ctx.parties.birthDate ? pdfDate(ctx.parties.birthDate) : null),
          fact(ctx, "address", addressOf(v.etudiantAddressLine, v.etudiantPostalCode, v.etudiantCity, country)),
          fact(ctx, "email", v.etudiantEmail),
          fact(ctx, "phone", v.etudiantPhone),
          fact(ctx, "cpam", cpamValue(ctx)),
        ],
      },
    ],
  };
}

/** The parties: the institution, the host (with its service and signataire), the student (with the CPAM). */
export function partySections(ctx: TPdfContext): TPdfSection[] {
  return [institutionSection(ctx), hostSection(ctx), studentSection(ctx)];
}

function institutionSignature(ctx: TPdfContext): TSignatureBlock {
  const signatory = signatoryOf(ctx);
  if (signatory === null)
    return { role: t(ctx, "signatures.institution"), name: joinLocalized(clause(ctx, "institutionSignatory")), detail: ctx.institution.name };
  return { role: t(ctx, "signatures.institution"), name: signatory.name, detail: [signatory.title, ctx.institution.name].filter(Boolean).join(" — ") };
}

/** The five signatures: the student (or the legal representative of a minor), the institution, the host's signataire, the référent, the tuteur. */
export function signatureBlocks(ctx: TPdfContext): TSignatureBlock[] {
  const { enseignant, signataire, tuteur, etablissement } = ctx.parties;
  const student: TSignatureBlock = ctx.minor
    ? {
        role: t(ctx, "signatures.legalRepresentative"),
        name: word(ctx, "signatures.legalRepresentativeName"),
        detail: word(ctx, "signatures.legalRepresentativeFor", { student: ctx.studentName }),
      }
    : { role: t(ctx, "signatures.student"), name: ctx.studentName };
  return [
    student,
    institutionSignature(ctx),
    {
      role: t(ctx, "signatures.host"),
      name: contactName(signataire, false),
      detail: [signataire?.fonction, etablissement?.raisonSociale].filter(Boolean).join(" — "),
    },
    {
      role: t(ctx, "signatures.referent"),
      name: enseignant ? personName(enseignant.firstName, enseignant.lastName) : "",
      detail: enseignant?.department ?? "",
    },
    { role: t(ctx, "signatures.tuteur"), name: contactName(tuteur, false), detail: tuteur?.fonction ?? "" },
  ];
}
