import type { TPdfBlock } from "../../pdf/model.ts";
import type { TClauseKey } from "./institution-clauses.ts";
import { clause, labelOf, orNotSet, t, type TPdfContext } from "./convention-pdf-context.ts";
import { cpamValue } from "./convention-pdf-parties.ts";

// Items 9 to 15 of D124-4 (protection, leave, termination, validation, benefits, internal
// rules, attestation) and the article on internships abroad: mostly the institution's
// clauses, with the convention's own values where it has some.

function clauses(ctx: TPdfContext, keys: readonly TClauseKey[]): TPdfBlock[] {
  return keys.map((key) => ({ kind: "clause", text: clause(ctx, key) }));
}

/** D124-4 9°: social protection, work-accident cover (CSS L412-8) and civil liability; abroad, its conditions. */
export function protectionArticle(ctx: TPdfContext): TPdfBlock[] {
  return [
    { kind: "facts", facts: [{ label: t(ctx, "facts.cpam"), value: orNotSet(ctx, cpamValue(ctx)) }] },
    ...clauses(ctx, ["protection", "accidents", "responsabilite"]),
    ...(ctx.abroad ? clauses(ctx, ["protectionAbroad"]) : []),
  ];
}

/** D124-4 10°: leave and authorised absences (values.congesAutorises), with those of L124-13. */
export function congesArticle(ctx: TPdfContext): TPdfBlock[] {
  const own = ctx.values.congesAutorises;
  const first: TPdfBlock = own ? { kind: "text", label: t(ctx, "facts.conges"), text: own } : { kind: "clause", text: clause(ctx, "congesDefault") };
  return [first, ...clauses(ctx, ["conges"])];
}

/** D124-4 11°: suspension and termination. */
export function suspensionArticle(ctx: TPdfContext): TPdfBlock[] {
  return clauses(ctx, ["suspension", "resiliation"]);
}

/** D124-4 12°: how the internship is validated, including when it is interrupted (L124-15). */
export function validationArticle(ctx: TPdfContext): TPdfBlock[] {
  return [
    {
      kind: "facts",
      facts: [
        { label: t(ctx, "facts.validation"), value: orNotSet(ctx, labelOf(ctx, "modaliteValidationCode")) },
        { label: t(ctx, "facts.natureTravail"), value: orNotSet(ctx, labelOf(ctx, "natureTravailCode")) },
      ],
    },
    ...clauses(ctx, ["evaluation", "interruption"]),
  ];
}

/** D124-4 13°: benefits in kind (values.avantagesNature), canteen, transport, social and cultural activities (L124-16). */
export function avantagesArticle(ctx: TPdfContext): TPdfBlock[] {
  const own = ctx.values.avantagesNature;
  const first: TPdfBlock = own ? { kind: "text", label: t(ctx, "facts.avantages"), text: own } : { kind: "clause", text: clause(ctx, "avantagesDefault") };
  return [first, ...clauses(ctx, ["avantages"])];
}

/** D124-4 14°: the host's internal rules that apply to the intern, and discretion. */
export function reglementArticle(ctx: TPdfContext): TPdfBlock[] {
  return clauses(ctx, ["reglement", "discretion"]);
}

/** D124-4 15°: the attestation de stage (D124-9). */
export function attestationArticle(ctx: TPdfContext): TPdfBlock[] {
  return clauses(ctx, ["attestation"]);
}

/** Abroad: the country, and the annexed fact sheet on the host country's rules. */
export function abroadArticle(ctx: TPdfContext): TPdfBlock[] {
  return clauses(ctx, ["abroad"]);
}
