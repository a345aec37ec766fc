import type { TActor } from "../domain/permissions.ts";
import { AppError } from "./app-error.ts";
import type { TConventionStore, TConventionUpdate, TStoredConvention } from "./ports/conventions.ts";
import type { TPersonDirectory, TStudentProfile } from "./ports/directory.ts";

/** Section 1 prefilled from the directory: administrative data, and the inscription when there is only one choice. */
export function prefillFromDirectory(profile: TStudentProfile): TConventionUpdate {
  const [latest] = profile.inscriptions;
  const currentYear = latest ? profile.inscriptions.filter((inscription) => inscription.academicYear === latest.academicYear) : [];
  const inscription = currentYear.length === 1 ? currentYear[0] : undefined;
  const element = inscription?.elements.length === 1 ? inscription.elements[0] : undefined;
  return {
    etudiantLastName: profile.lastName,
    etudiantFirstName: profile.firstName,
    etudiantNumber: profile.studentNumber,
    etudiantEmail: profile.email,
    etudiantPhone: profile.phone,
    etudiantAddressLine: profile.addressLine,
    etudiantPostalCode: profile.postalCode,
    etudiantCity: profile.city,
    etudiantCountryIso2: profile.countryIso2,
    // AMUSTAGE's advice: leave "Plus de 200 heures" unless the training has fewer (D124-2).
    heuresFormationPlus200: true,
    ...(inscription ? { inscriptionId: inscription.id, academicYear: inscription.academicYear, typeConvention: inscription.typeConvention } : {}),
    ...(element ? { elementPedagogiqueId: element.id } : {}),
  };
}

/** A student starts a new convention: a draft prefilled from the directory. */
export async function startConvention(deps: { conventions: TConventionStore; directory: TPersonDirectory }, actor: TActor): Promise<TStoredConvention> {
  if (actor.studentId === undefined) throw new AppError("FORBIDDEN", { reason: "owner_only" });
  const profile = await deps.directory.studentProfile(actor.studentId);
  return deps.conventions.createDraft(actor.studentId, actor.personId, prefillFromDirectory(profile));
}
