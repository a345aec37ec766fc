import { z } from "zod/v4";
import { recordIdOf, ZId } from "./inbound-values.ts";
import { etablissementFormCard, fieldErrorsByInput, hostChildFormCard } from "../../cards/index.ts";
import { CONTACT_FORM_FIELDS, ETABLISSEMENT_FORM_FIELDS, SERVICE_FORM_FIELDS, type THostField } from "../../cards/host-form-fields.ts";
import type { TFieldError } from "../../domain/sections/index.ts";
import { AppError, fieldErrorsOf } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import { createContact } from "../hosts/create-contact.ts";
import { createEtablissement } from "../hosts/create-etablissement.ts";
import { createService } from "../hosts/create-service.ts";
import { duplicatesOf } from "../hosts/find-etablissement-duplicates.ts";
import { etablissementForm, proposeEtablissementChange } from "../hosts/propose-etablissement-change.ts";
import { searchContacts } from "../hosts/search-contacts.ts";
import { searchCpam } from "../hosts/search-cpam.ts";
import { searchNaf } from "../hosts/search-naf.ts";
import { searchEnseignants } from "../hosts/search-enseignants.ts";
import { chooseRegisterEtablissement } from "../hosts/prefill-from-register.ts";
import { formatSiret } from "../hosts/host-labels.ts";
import { REGISTER_CHOICE_PREFIX, searchHosts } from "../hosts/search-hosts.ts";
import type { TRegisterEtablissement } from "../ports/company-register.ts";
import { translate } from "../../i18n/translate.ts";
import { searchServices } from "../hosts/search-services.ts";
import { saveSection } from "../save-section.ts";
import type { TTurn } from "./context.ts";
import { parseData, visibleConvention } from "./convention-actions.ts";
import { noticeEffect, progressEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";
import type { TChoice, TSearchQuery } from "./events.ts";

const ZHostRef = z.object({
  conventionId: ZId,
  etablissementId: ZId.nullish(),
  forSection: z.enum(["service", "tuteur", "signataire"]).default("tuteur"),
  confirmDuplicate: z.union([z.boolean(), z.literal("true"), z.literal("false")]).optional(),
});
type THostRef = z.infer<typeof ZHostRef>;

/** The host form's inputs only (the card's data also carries the verb's own keys). */
function hostInputs(fields: readonly THostField[], data: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [field, spec] of fields) {
    const value = data[field];
    if (value === undefined) continue;
    const text = typeof value === "string" ? value.trim() : value;
    inputs[field] = spec.kind === "id" && typeof text === "string" && /^\d+$/u.test(text) ? Number(text) : text;
  }
  return inputs;
}

// The NAF code is searched (732 sous-classes): the form lists only the current one, with its label.
async function currentNaf(turn: TTurn, value: unknown): Promise<TChoice[]> {
  if (typeof value !== "string" || value.trim() === "") return [];
  return (await searchNaf(turn.deps, value)).slice(0, 1).filter((choice) => choice.value.replace(".", "") === value.trim().toUpperCase().replace(".", ""));
}

async function etablissementFormEffect(
  turn: TTurn,
  ref: THostRef,
  values: Record<string, unknown>,
  errors: readonly TFieldError[],
  duplicates: Array<{ id: number; label: string }>,
): Promise<TEffect> {
  const convention = await visibleConvention(turn, ref.conventionId);
  const card = etablissementFormCard(turn.locale, {
    conventionId: ref.conventionId,
    etablissementId: ref.etablissementId ?? null,
    version: convention.version,
    values: values as Record<string, string | number | boolean | null>,
    choices: { ...(await turn.deps.formData.hostChoices("etablissement", null, turn.locale)), nafCode: await currentNaf(turn, values["nafCode"]) },
    errors: [...errors],
    duplicates,
  });
  return { kind: "form", conventionId: ref.conventionId, card, ...(errors.length > 0 ? { errors: fieldErrorsByInput(turn.locale, errors) } : {}) };
}

async function childForm(
  turn: TTurn,
  ref: THostRef,
  kind: "service" | "contact",
  etablissementId: number,
  values: Record<string, unknown>,
  errors: readonly TFieldError[],
): Promise<TEffect> {
  const card = hostChildFormCard(turn.locale, {
    conventionId: ref.conventionId,
    etablissementId,
    kind,
    forSection: kind === "service" ? "service" : ref.forSection,
    values: values as Record<string, string | number | boolean | null>,
    choices: await turn.deps.formData.hostChoices(kind, etablissementId, turn.locale),
    errors: [...errors],
  });
  return { kind: "form", conventionId: ref.conventionId, card, ...(errors.length > 0 ? { errors: fieldErrorsByInput(turn.locale, errors) } : {}) };
}

/** Chooses a record just created for the convention's section, then answers like a saved section. */
async function chooseFor(
  turn: TTurn,
  conventionId: number,
  section: "etablissement" | "service" | "tuteur" | "signataire",
  id: number,
  message: { key: string; name: string },
): Promise<TEffect[]> {
  const field = { etablissement: "etablissementId", service: "serviceId", tuteur: "tuteurId", signataire: "signataireId" }[section];
  const current = await turn.deps.conventions.get(conventionId);
  const { convention } = await saveSection(turn.deps, turn.actor, {
    conventionId,
    expectedVersion: current.version,
    sectionId: section,
    answers: { [field]: id },
  });
  return [
    { kind: "close_form" },
    await progressEffect(turn, convention),
    noticeEffect(turn, conventionId, { tone: "good", titleKey: message.key, params: { name: message.name } }),
  ];
}

async function withFormErrors(
  attempt: () => Promise<TEffect[]>,
  onInvalid: (errors: readonly TFieldError[], error: AppError) => Promise<TEffect[]>,
): Promise<TEffect[]> {
  try {
    return await attempt();
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (error instanceof AppError && errors.length > 0) return onInvalid(errors, error);
    throw error;
  }
}

const CREATES_FOR_CONVENTION = new Set(["create_etablissement", "open_service_create", "create_service", "open_contact_create", "create_contact"]);

/** The établissement, service and contact forms: open, create (then choose), or propose a correction. */
export async function hostAction(turn: TTurn, data: Record<string, unknown>, verb?: string): Promise<TEffect[]> {
  const ref = parseData(ZHostRef, data);
  const convention = await visibleConvention(turn, ref.conventionId);
  const etablissementId = ref.etablissementId ?? convention.values.etablissementId;
  // A host record made from a convention is chosen for it at once: whoever may not edit the
  // convention is refused before anything is written (no orphan établissement, service or contact).
  if (verb !== undefined && CREATES_FOR_CONVENTION.has(verb)) {
    assertAllowed(turn.actor, { kind: "edit" }, convention);
  }
  switch (verb) {
    case "open_etablissement_create": {
      const existing = ref.etablissementId ? await turn.deps.hosts.getEtablissement(ref.etablissementId) : null;
      return [await etablissementFormEffect(turn, ref, existing ? { ...etablissementForm(existing) } : {}, [], [])];
    }
    case "create_etablissement": {
      const inputs = hostInputs(ETABLISSEMENT_FORM_FIELDS, data);
      const confirmDuplicate = ref.confirmDuplicate === true || ref.confirmDuplicate === "true";
      return withFormErrors(
        async () => {
          const { etablissement } = await createEtablissement(turn.deps, turn.actor, inputs, { confirmDuplicate });
          return chooseFor(turn, ref.conventionId, "etablissement", etablissement.id, {
            key: "conversation:hosts.etablissementCreated",
            name: etablissement.label,
          });
        },
        async (errors, error) => [await etablissementFormEffect(turn, ref, inputs, errors, duplicatesOf(error))],
      );
    }
    case "propose_etablissement_change": {
      if (!ref.etablissementId) throw new AppError("INVALID_INPUT", { reason: "action_data" });
      const target = ref.etablissementId;
      const inputs = hostInputs(ETABLISSEMENT_FORM_FIELDS, data);
      return withFormErrors(
        async () => {
          await proposeEtablissementChange(turn.deps, turn.actor, target, inputs);
          const host = await turn.deps.hosts.getEtablissement(target);
          return [
            { kind: "close_form" },
            noticeEffect(turn, ref.conventionId, { tone: "good", titleKey: "conversation:hosts.proposalSent", params: { name: host?.raisonSociale ?? "" } }),
          ];
        },
        async (errors) => [await etablissementFormEffect(turn, ref, inputs, errors, [])],
      );
    }
    default:
      return childAction(turn, ref, etablissementId, data, verb);
  }
}

async function childAction(
  turn: TTurn,
  ref: THostRef,
  etablissementId: number | null,
  data: Record<string, unknown>,
  verb: string | undefined,
): Promise<TEffect[]> {
  if (etablissementId === null) {
    return [noticeEffect(turn, ref.conventionId, { tone: "warning", titleKey: "conversation:hosts.chooseEtablissementFirst" })];
  }
  const kind = verb === "open_service_create" || verb === "create_service" ? "service" : "contact";
  if (verb === "open_service_create" || verb === "open_contact_create") return [await childForm(turn, ref, kind, etablissementId, {}, [])];
  const inputs = hostInputs(kind === "service" ? SERVICE_FORM_FIELDS : CONTACT_FORM_FIELDS, data);
  return withFormErrors(
    async () => {
      if (kind === "service") {
        const created = await createService(turn.deps, turn.actor, etablissementId, inputs);
        return chooseFor(turn, ref.conventionId, "service", created.id, { key: "conversation:hosts.serviceCreated", name: created.label });
      }
      const created = await createContact(turn.deps, turn.actor, etablissementId, inputs);
      return chooseFor(turn, ref.conventionId, ref.forSection === "signataire" ? "signataire" : "tuteur", created.id, {
        key: "conversation:hosts.contactCreated",
        name: created.label,
      });
    },
    async (errors) => [await childForm(turn, ref, kind, etablissementId, inputs, errors)],
  );
}

/** Typeahead answers; services and contacts are those of the établissement named in the query or chosen on the convention. */
export async function searchChoices(turn: TTurn, query: TSearchQuery): Promise<TChoice[]> {
  switch (query.dataset) {
    case "etablissements":
      return etablissementChoices(turn, query.text);
    case "enseignants":
      return searchEnseignants(turn.deps, query.text);
    case "cpam":
      return searchCpam(turn.deps, query.text);
    case "naf":
      return searchNaf(turn.deps, query.text);
    case "services":
    case "contacts": {
      const etablissementId = await etablissementOfQuery(turn, query.data);
      if (etablissementId === null) return [];
      return query.dataset === "services" ? searchServices(turn.deps, etablissementId, query.text) : searchContacts(turn.deps, etablissementId, query.text);
    }
  }
}

// The établissement is read from the convention the person may see, never trusted from the card alone.
async function etablissementOfQuery(turn: TTurn, data: Record<string, unknown>): Promise<number | null> {
  const conventionId = recordIdOf(data.conventionId);
  if (conventionId === null) return null;
  try {
    return (await visibleConvention(turn, conventionId)).values.etablissementId;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** The value of the note "register unavailable" in the typeahead: chosen, it only says so again. */
export const REGISTER_NOTE_VALUE = `${REGISTER_CHOICE_PREFIX}unavailable`;

function registerChoice(turn: TTurn, site: TRegisterEtablissement): TChoice {
  const label = [site.raisonSociale, site.city, `SIRET ${formatSiret(site.siret)}`].filter(Boolean).join(" — ");
  const key = site.closed ? "conversation:hostRegister.closedChoice" : "conversation:hostRegister.choice";
  return { title: translate(turn.locale, key, { label }), value: `${REGISTER_CHOICE_PREFIX}${site.siret}` };
}

// The local base first, then the national register's sites, labelled as such; a note when the register failed.
async function etablissementChoices(turn: TTurn, text: string): Promise<TChoice[]> {
  const found = await searchHosts(turn.deps, text);
  const note =
    found.registerStatus === "unavailable" ? [{ title: translate(turn.locale, "conversation:hostRegister.unavailable"), value: REGISTER_NOTE_VALUE }] : [];
  return [...found.local, ...found.register.map((site) => registerChoice(turn, site)), ...note];
}

/**
 * The étudiant chose a register site in the établissement section: the one already in the base
 * is chosen; otherwise the creation form opens prefilled from the register. A closed company is refused.
 */
export async function chooseRegisterSite(turn: TTurn, conventionId: number, siret: string | null): Promise<TEffect[]> {
  const convention = await visibleConvention(turn, conventionId);
  assertAllowed(turn.actor, { kind: "edit" }, convention);
  if (siret === null) return [noticeEffect(turn, conventionId, { tone: "warning", titleKey: "conversation:hostRegister.unavailable" })];
  const choice = await chooseRegisterEtablissement(turn.deps, siret);
  if (choice.kind === "existing") {
    return chooseFor(turn, conventionId, "etablissement", choice.etablissement.id, {
      key: "conversation:hosts.etablissementCreated",
      name: choice.etablissement.label,
    });
  }
  return [await etablissementFormEffect(turn, { conventionId, forSection: "tuteur" }, { ...choice.fields }, [], [])];
}
