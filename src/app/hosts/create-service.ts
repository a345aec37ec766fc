import { z } from "zod/v4";
import { normalizeSearchText } from "../../domain/normalize-name.ts";
import type { TActor } from "../../domain/permissions.ts";
import { TEXT_MAX, zCountryIso2, zPhone, zText } from "../../domain/sections/fields.ts";
import { AppError } from "../app-error.ts";
import { frenchPostalCodeErrors, optionalField, requiredField, zPostalCode } from "./host-fields.ts";
import { serviceLabel } from "./host-labels.ts";
import { parseHostInput } from "./parse-host-input.ts";
import type { TEtablissementRecord, THostDeps, TServiceFields } from "../ports/hosts.ts";

/** The service form: a name; an address and a phone of its own, else the établissement's address. */
export const ZServiceInput = z.strictObject({
  name: requiredField(zText(TEXT_MAX.address)),
  addressLine: optionalField(zText(TEXT_MAX.address)),
  postalCode: optionalField(zPostalCode),
  city: optionalField(zText(TEXT_MAX.name)),
  countryIso2: optionalField(zCountryIso2),
  phone: optionalField(zPhone),
});

// A small host's only service is often at its address: an address left empty is the établissement's.
function withHostAddress(fields: TServiceFields, host: TEtablissementRecord): TServiceFields {
  const country = fields.countryIso2 ?? host.countryIso2;
  if (fields.addressLine !== null || fields.postalCode !== null || fields.city !== null) return { ...fields, countryIso2: country };
  return { ...fields, addressLine: host.addressLine, postalCode: host.postalCode, city: host.city, countryIso2: host.countryIso2 };
}

/**
 * Adds a service d'accueil to an établissement (mandatory even for a small host). Refused
 * (INVALID_INPUT, section "service") when the form is wrong or the établissement already has
 * a service of that name (duplicate_name, naming it).
 */
export async function createService(deps: THostDeps, actor: TActor, etablissementId: number, input: unknown): Promise<{ id: number; label: string }> {
  const host = await deps.hosts.getEtablissement(etablissementId);
  if (host === null) throw new AppError("NOT_FOUND", { entity: "etablissement", id: etablissementId });
  const parsed = await parseHostInput(
    deps,
    {
      section: "service",
      schema: ZServiceInput,
      references: [{ field: "countryIso2", list: "PAYS", code: "invalid_country" }],
      crossErrors: (values) => frenchPostalCodeErrors(values["countryIso2"] ?? host.countryIso2, values["postalCode"]),
    },
    input,
  );
  const name = normalizeSearchText(parsed.name);
  const existing = (await deps.hosts.listServices(etablissementId)).find((service) => normalizeSearchText(service.name) === name);
  if (existing !== undefined) {
    throw new AppError(
      "INVALID_INPUT",
      { section: "service" },
      {
        kind: "fields",
        errors: [{ field: "name", code: "duplicate_name", params: { serviceId: existing.id, label: serviceLabel(existing) } }],
      },
    );
  }
  const created = await deps.hosts.createService(etablissementId, withHostAddress(parsed, host), actor.personId);
  return { id: created.id, label: serviceLabel(created) };
}
