import { z } from "zod/v4";
import type { TActor } from "../../domain/permissions.ts";
import type { TFieldError } from "../../domain/sections/field-error.ts";
import { TEXT_MAX, zEmail, zId, zPhone, zText } from "../../domain/sections/fields.ts";
import { AppError } from "../app-error.ts";
import { optionalField, requiredField } from "./host-fields.ts";
import { contactLabel } from "./host-labels.ts";
import { parseHostInput } from "./parse-host-input.ts";
import type { THostDeps } from "../ports/hosts.ts";

/** Civilités offered for a contact. */
export const CIVILITES = ["Mme", "M."] as const;

/** The contact form (tuteur, signataire): nom and prénom required, the rest optional. */
export const ZContactInput = z.strictObject({
  serviceId: optionalField(zId),
  civilite: optionalField(z.enum(CIVILITES)),
  lastName: requiredField(zText(TEXT_MAX.name)),
  firstName: requiredField(zText(TEXT_MAX.name)),
  fonction: optionalField(zText(TEXT_MAX.name)),
  phone: optionalField(zPhone),
  email: optionalField(zEmail),
});

async function serviceErrors(deps: THostDeps, etablissementId: number, serviceId: unknown): Promise<TFieldError[]> {
  if (typeof serviceId !== "number") return [];
  const service = await deps.hosts.getService(serviceId);
  // An unknown service and another host's service are told the same way: not this host's.
  return service?.etablissementId === etablissementId ? [] : [{ field: "serviceId", code: "other_etablissement" }];
}

/**
 * Adds a contact (tuteur professionnel or signataire) to an établissement, optionally in one of
 * its services. Refused (INVALID_INPUT, section "contact") when the form is wrong or the
 * service belongs to another établissement (other_etablissement).
 */
export async function createContact(deps: THostDeps, actor: TActor, etablissementId: number, input: unknown): Promise<{ id: number; label: string }> {
  const host = await deps.hosts.getEtablissement(etablissementId);
  if (host === null) throw new AppError("NOT_FOUND", { entity: "etablissement", id: etablissementId });
  const fields = await parseHostInput(
    deps,
    { section: "contact", schema: ZContactInput, crossErrors: (values) => serviceErrors(deps, etablissementId, values["serviceId"]) },
    input,
  );
  const created = await deps.hosts.createContact(etablissementId, fields, actor.personId);
  return { id: created.id, label: contactLabel(created) };
}
