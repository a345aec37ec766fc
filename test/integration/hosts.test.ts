import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldErrorsOf as fieldErrorsIn } from "../../src/app/app-error.ts";
import { applyEtablissementProposal } from "../../src/app/hosts/apply-etablissement-proposal.ts";
import { createContact } from "../../src/app/hosts/create-contact.ts";
import { createEtablissement } from "../../src/app/hosts/create-etablissement.ts";
import { createService } from "../../src/app/hosts/create-service.ts";
import { duplicatesOf } from "../../src/app/hosts/find-etablissement-duplicates.ts";
import type { THostDeps } from "../../src/app/ports/hosts.ts";
import { proposeEtablissementChange } from "../../src/app/hosts/propose-etablissement-change.ts";
import { searchContacts } from "../../src/app/hosts/search-contacts.ts";
import { searchCpam } from "../../src/app/hosts/search-cpam.ts";
import { searchEnseignants } from "../../src/app/hosts/search-enseignants.ts";
import { searchEtablissements } from "../../src/app/hosts/search-etablissements.ts";
import { searchServices } from "../../src/app/hosts/search-services.ts";
import { createHostDirectory } from "../../src/db/host-directory.ts";
import { loadActorByEmail } from "../../src/db/load-actor.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import type { TActor } from "../../src/domain/permissions.ts";
import { hostFieldErrorMessage } from "../../src/i18n/host-field-label.ts";
import { etablissementForm as form, fieldErrorsOf, siretFrom } from "../support/host-fixtures.ts";
import { createTestDatabase } from "../support/test-database.ts";

const APHM = "Assistance Publique - Hôpitaux de Marseille — Marseille — SIRET 261 300 081 00013";
const APHM_SIRET = "26130008100013";
const CALANQUES_SIRET = "84321765400014";

describe("host directory on real PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let deps: THostDeps;
  let student: TActor;
  let gestionnaire: TActor;
  const ids: Record<string, number> = {};

  const titles = async (text: string) => (await searchEtablissements(deps, text)).map((choice) => choice.title);
  const count = () => database.prisma.etablissement.count();

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    deps = { hosts: createHostDirectory(database.prisma) };
    student = await loadActorByEmail(database.prisma, "ines.haddad@etu.univ-demo.fr");
    gestionnaire = await loadActorByEmail(database.prisma, "isabelle.garcia@univ-demo.fr");
    for (const host of await database.prisma.etablissement.findMany()) ids[host.raisonSociale] = host.id;
  });

  afterAll(async () => {
    await database?.drop();
  });

  const aphmId = () => ids["Assistance Publique - Hôpitaux de Marseille"] ?? 0;
  const calanquesId = () => ids["Calanques Numériques"] ?? 0;

  describe("searchEtablissements", () => {
    it.each(["hopitaux", "HÔPITAUX", "Hôpitaux de Marseille", "assistance publique hopitaux de marseille", "hôpitaux marseille"])(
      "finds the APHM by name %j, accents and case ignored",
      async (text) => {
        expect((await titles(text))[0]).toBe(APHM);
      },
    );

    it.each(["26130008100013", "261 300 081 00013", "261300", "261"])("finds the APHM by SIRET or its first digits %j", async (text) => {
      const choices = await searchEtablissements(deps, text);
      expect(choices[0]).toEqual({ title: APHM, value: String(aphmId()) });
    });

    it("reads fewer than 3 digits as a name, not a SIRET", async () => {
      expect(await titles("26")).toEqual([]);
    });

    it("shows the country of a host abroad", async () => {
      expect(await titles("rheinland")).toEqual(["Rheinland Biotech GmbH — Köln — Allemagne"]);
    });

    it("ranks the exact name, then its start, then a word's start, then anywhere", async () => {
      for (const raisonSociale of ["Transnumérique", "Atelier Numérique", "Numérique Services", "Numérique"]) {
        await createEtablissement(deps, student, form({ raisonSociale, siret: null }));
      }
      expect(await titles("NUMERIQUE")).toEqual([
        "Numérique — Marseille",
        "Numérique Services — Marseille",
        "Atelier Numérique — Marseille",
        "Calanques Numériques — Marseille — SIRET 843 217 654 00014",
        "Transnumérique — Marseille",
      ]);
    });

    it("lists recent établissements for an empty text, at most 25", async () => {
      const choices = await searchEtablissements(deps, "  ");
      expect(choices.length).toBeGreaterThan(5);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(choices.map((choice) => choice.title)).toContain(APHM);
    });
  });

  describe("createEtablissement", () => {
    it("creates a valid établissement, normalizing its SIRET, NAF code and name, audited", async () => {
      const siret = siretFrom("5520815100001");
      const result = await createEtablissement(
        deps,
        student,
        form({ raisonSociale: "Boulangerie Cœur d'Or S.A.R.L.", siret: `${siret.slice(0, 9)} ${siret.slice(9)}`, nafCode: "1071c", email: "" }),
      );
      expect(result.duplicates).toEqual([]);
      expect(result.warnings).toEqual([]);
      const stored = await database.prisma.etablissement.findUniqueOrThrow({ where: { id: result.etablissement.id } });
      expect(stored).toMatchObject({ siret, nafCode: "10.71C", normalizedName: "boulangerie coeur d or", email: null });
      expect(stored.createdById).toBe(student.personId);
      const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
      expect(result.etablissement.label).toBe(`Boulangerie Cœur d'Or S.A.R.L. — Marseille — SIRET ${spaced}`);
      const audit = await database.prisma.auditEvent.findFirst({ where: { entityType: "etablissement", entityId: stored.id } });
      expect(audit).toMatchObject({ action: "etablissement.created", actorId: student.personId });
    });

    it.each([
      ["a wrong check digit", "26130008100014", "siret:siret_checksum"],
      ["too few digits", "2613000810", "siret:invalid_siret"],
      ["letters", "2613000810001A", "siret:invalid_siret"],
    ])("refuses a SIRET with %s and creates nothing", async (_case, siret, expected) => {
      const before = await count();
      expect(await fieldErrorsOf(createEtablissement(deps, student, form({ raisonSociale: "Siret Faux", siret })))).toEqual([expected]);
      expect(await count()).toBe(before);
    });

    it("reports every wrong field at once", async () => {
      const input = form({
        raisonSociale: " ",
        typeStructureCode: "NOT_A_TYPE",
        effectifCode: undefined,
        nafCode: "99.99Z",
        postalCode: "1300",
        countryIso2: "ZZ",
        email: "nobody@",
        phone: "call me",
        extra: 1,
      });
      expect((await fieldErrorsOf(createEtablissement(deps, student, input))).sort()).toEqual(
        [
          "raisonSociale:required",
          "effectifCode:required",
          "email:invalid_email",
          "phone:invalid_phone",
          "extra:unknown_field",
          "typeStructureCode:invalid_code",
          "nafCode:invalid_code",
          "countryIso2:invalid_country",
        ].sort(),
      );
    });

    it("asks for a French postal code of 5 digits, any form abroad, and a NAF code or an activité", async () => {
      const shortPostalCode = createEtablissement(deps, student, form({ postalCode: "1300" }));
      expect(await fieldErrorsOf(shortPostalCode)).toEqual(["postalCode:invalid_postal_code"]);
      expect(await fieldErrorsOf(createEtablissement(deps, student, form({ nafCode: "", activite: null })))).toEqual(["activite:required"]);
      const geneva = form({ raisonSociale: "Lab Genève", postalCode: "CH-1205", city: "Genève", countryIso2: "ch" });
      const abroad = await createEtablissement(deps, student, geneva);
      expect(abroad.etablissement.label).toBe("Lab Genève — Genève — Suisse");
      expect(abroad.warnings).toEqual([]);
    });

    it("refuses a SIRET already known, naming the établissement that has it", async () => {
      const before = await count();
      const input = form({ raisonSociale: "APHM", siret: "261 300 081 00013" });
      const attempt = createEtablissement(deps, student, input, { confirmDuplicate: true });
      await expect(attempt).rejects.toMatchObject({
        code: "INVALID_INPUT",
        details: { kind: "fields", errors: [{ field: "siret", code: "duplicate_siret", params: { etablissementId: aphmId(), label: APHM } }] },
      });
      const error = await attempt.catch((reason: unknown) => reason);
      expect(duplicatesOf(error)).toEqual([{ id: aphmId(), label: APHM }]);
      const [duplicate] = fieldErrorsIn(error);
      expect(duplicate && hostFieldErrorMessage("fr", duplicate)).toBe(
        `« Numéro SIRET » : ce SIRET est déjà celui de « ${APHM} ». Choisissez cet établissement plutôt que d'en créer un second.`,
      );
      expect(await count()).toBe(before);
      expect(await database.prisma.etablissement.count({ where: { siret: APHM_SIRET } })).toBe(1);
    });

    it("refuses a name already known in the same city unless confirmed, then creates it with a warning", async () => {
      const before = await count();
      const input = form({ raisonSociale: "CALANQUES NUMÉRIQUES", siret: "" });
      const refused = createEtablissement(deps, student, input);
      await expect(refused).rejects.toMatchObject({
        code: "INVALID_INPUT",
        details: { kind: "fields", errors: [{ field: "raisonSociale", code: "duplicate_name" }] },
      });
      expect(duplicatesOf(await refused.catch((error: unknown) => error)).map((ref) => ref.id)).toEqual([calanquesId()]);
      expect(await count()).toBe(before);

      const confirmed = await createEtablissement(deps, student, input, { confirmDuplicate: true });
      expect(confirmed.duplicates.map((ref) => ref.id)).toEqual([calanquesId()]);
      expect(confirmed.warnings).toEqual([{ field: "siret", code: "siret_recommended" }]);
      expect(await count()).toBe(before + 1);
    });

    it("does not call the same name in another city a duplicate", async () => {
      const toulon = form({ raisonSociale: "Calanques Numériques", city: "Toulon", postalCode: "83000" });
      const result = await createEtablissement(deps, student, toulon);
      expect(result.duplicates).toEqual([]);
    });
  });

  describe("proposeEtablissementChange", () => {
    it("stores a student's proposal with the changed fields only and leaves the établissement unchanged", async () => {
      const before = await database.prisma.etablissement.findUniqueOrThrow({ where: { id: aphmId() } });
      const { proposalId, changes } = await proposeEtablissementChange(deps, student, aphmId(), {
        phone: "04 91 38 00 99",
        website: "www.ap-hm.fr",
        city: "Marseille",
      });
      expect(changes).toEqual({
        phone: { before: "04 91 38 00 00", after: "04 91 38 00 99" },
        website: { before: null, after: "www.ap-hm.fr" },
      });
      const proposal = await database.prisma.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } });
      expect(proposal).toMatchObject({ etablissementId: aphmId(), proposedById: student.personId, status: "PENDING", changes });
      expect(await database.prisma.etablissement.findUniqueOrThrow({ where: { id: aphmId() } })).toEqual(before);
    });

    it("refuses a proposal that changes nothing, a wrong value, or another's SIRET", async () => {
      const propose = (input: unknown) => fieldErrorsOf(proposeEtablissementChange(deps, student, aphmId(), input));
      expect(await propose({ city: "Marseille" })).toEqual(["_form:no_change"]);
      expect(await propose({ postalCode: "13" })).toEqual(["postalCode:invalid_postal_code"]);
      expect(await propose({ siret: CALANQUES_SIRET })).toEqual(["siret:duplicate_siret"]);
      expect(await propose(null)).toEqual(["_form:invalid_type"]);
      await expect(proposeEtablissementChange(deps, student, 999_999, { city: "Aix" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("is applied by a gestionnaire only, once", async () => {
      const rename = { raisonSociale: "Calanques Numériques Studio" };
      const { proposalId } = await proposeEtablissementChange(deps, student, calanquesId(), rename);
      await expect(applyEtablissementProposal(deps, student, proposalId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      const applied = await applyEtablissementProposal(deps, gestionnaire, proposalId);
      expect(applied.label).toBe("Calanques Numériques Studio — Marseille — SIRET 843 217 654 00014");
      const stored = await database.prisma.etablissement.findUniqueOrThrow({ where: { id: calanquesId() } });
      expect(stored.normalizedName).toBe("calanques numeriques studio");
      // The second application is told who applied it, and when.
      const { decidedAt } = await database.prisma.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } });
      expect(decidedAt).toBeInstanceOf(Date);
      await expect(applyEtablissementProposal(deps, gestionnaire, proposalId)).rejects.toMatchObject({
        code: "CONFLICT",
        status: 409,
        details: {
          kind: "proposal_decided",
          proposalId,
          taken: { decider: { personId: gestionnaire.personId, name: "Isabelle Garcia" }, decidedAt, decision: "APPLIED" },
        },
      });
    });

    it("answers the loser of two simultaneous applications with who applied it", async () => {
      const { proposalId } = await proposeEtablissementChange(deps, student, aphmId(), { phone: "04 91 38 00 42" });
      // The loser read the proposal while it was still PENDING: the store's refusal is what tells it.
      const pending = await deps.hosts.getEtablissementProposal(proposalId);
      await applyEtablissementProposal(deps, gestionnaire, proposalId);
      let reads = 0;
      const late: THostDeps = {
        hosts: { ...deps.hosts, getEtablissementProposal: async (id) => (reads++ === 0 ? pending : deps.hosts.getEtablissementProposal(id)) },
      };
      await expect(applyEtablissementProposal(late, gestionnaire, proposalId)).rejects.toMatchObject({
        code: "CONFLICT",
        details: {
          kind: "proposal_decided",
          proposalId,
          taken: { decider: { personId: gestionnaire.personId, name: "Isabelle Garcia" }, decision: "APPLIED" },
        },
      });
      expect(reads).toBe(2);
    });
  });

  describe("services and contacts", () => {
    it("searches services of one établissement only", async () => {
      const psy = await searchServices(deps, aphmId(), "psy");
      expect(psy.map((choice) => choice.title)).toEqual(["Service de psychiatrie — Marseille"]);
      expect(await searchServices(deps, calanquesId(), "psy")).toEqual([]);
      expect((await searchServices(deps, aphmId(), "")).length).toBe(2);
    });

    it("searches contacts of one établissement only, by name in any order or by fonction", async () => {
      expect((await searchContacts(deps, aphmId(), "")).map((choice) => choice.title)).toEqual([
        "Rousseau Jean-Marc — Directeur général — Direction générale",
        "Vidal Claire — Psychologue clinicienne — Service de psychiatrie",
      ]);
      expect(await searchContacts(deps, aphmId(), "nguyen")).toEqual([]);
      expect((await searchContacts(deps, calanquesId(), "julien NGUYEN")).map((choice) => choice.title)).toEqual([
        "Nguyen Julien — Responsable technique — Pôle Développement",
      ]);
      expect((await searchContacts(deps, aphmId(), "directeur")).map((choice) => choice.title)).toEqual([
        "Rousseau Jean-Marc — Directeur général — Direction générale",
      ]);
      const entraide = ids["Association Entraide Phocéenne"] ?? 0;
      expect((await searchContacts(deps, entraide, "benoit martine"))[0]?.title).toMatch(/^Benoît Martine/);
    });

    it("creates a contact, refusing a service of another établissement", async () => {
      const [otherService] = await searchServices(deps, calanquesId(), "");
      const before = await database.prisma.contact.count();
      const otherServiceId = Number(otherService?.value);
      const wrong = createContact(deps, student, aphmId(), { lastName: "Martin", firstName: "Léa", serviceId: otherServiceId });
      expect(await fieldErrorsOf(wrong)).toEqual(["serviceId:other_etablissement"]);
      expect(await fieldErrorsOf(createContact(deps, student, aphmId(), { lastName: "", firstName: "Léa", civilite: "Dr" }))).toEqual([
        "civilite:invalid_choice",
        "lastName:required",
      ]);
      expect(await database.prisma.contact.count()).toBe(before);

      const [psy] = await searchServices(deps, aphmId(), "psychiatrie");
      const created = await createContact(deps, student, aphmId(), {
        civilite: "Mme",
        lastName: "Martin",
        firstName: "Léa",
        fonction: "Psychologue",
        email: "lea.martin@aphm-demo.fr",
        serviceId: Number(psy?.value),
      });
      expect(created.label).toBe("Martin Léa — Psychologue — Service de psychiatrie");
      expect(await searchContacts(deps, aphmId(), "lea")).toEqual([{ title: created.label, value: String(created.id) }]);
    });

    it("creates a service at the établissement's address unless given one, refusing a second of the same name", async () => {
      const created = await createService(deps, student, aphmId(), { name: "Service de pédiatrie", phone: "04 91 38 10 10" });
      const stored = await database.prisma.service.findUniqueOrThrow({ where: { id: created.id } });
      expect(stored).toMatchObject({ addressLine: "80 rue Brochier", postalCode: "13005", city: "Marseille", countryIso2: "FR" });
      const create = (input: unknown) => fieldErrorsOf(createService(deps, student, aphmId(), input));
      expect(await create({ name: "SERVICE DE PEDIATRIE" })).toEqual(["name:duplicate_name"]);
      expect(await create({ name: "Urgences", addressLine: "1 rue X", postalCode: "ABC" })).toEqual(["postalCode:invalid_postal_code"]);
    });
  });

  describe("searchEnseignants", () => {
    it.each(["cherif", "CHÉRIF", "nadia cherif", "Cherif Nadia", "nad"])("finds Nadia Chérif with %j", async (text) => {
      const [first] = await searchEnseignants(deps, text);
      expect(first?.title).toBe("CHÉRIF Nadia — Informatique — nadia.cherif@univ-demo.fr");
    });

    it("finds nobody for an unknown name or an empty text", async () => {
      expect(await searchEnseignants(deps, "zzz")).toEqual([]);
      expect(await searchEnseignants(deps, "")).toEqual([]);
    });
  });

  describe("searchCpam", () => {
    it.each([
      ["63", "CPAM du Puy-de-Dôme — 63031 Clermont-Ferrand Cedex 9"],
      ["puy de dome", "CPAM du Puy-de-Dôme — 63031 Clermont-Ferrand Cedex 9"],
      ["clermont", "CPAM du Puy-de-Dôme — 63031 Clermont-Ferrand Cedex 9"],
      ["2a", "CPAM de la Corse-du-Sud — 20702 Ajaccio Cedex 9"],
      ["bouches du rhone", "CPAM des Bouches-du-Rhône — 13421 Marseille Cedex 20"],
      ["reunion", "CGSS de La Réunion — 97741 Saint-Denis Cedex 9"],
    ])("%j comes first as %j", async (text, title) => {
      expect((await searchCpam(deps, text))[0]?.title).toBe(title);
    });

    it("finds every caisse of a région", async () => {
      const titles = (await searchCpam(deps, "Hauts-de-France")).map((choice) => choice.title);
      expect(titles).toContain("CPAM des Flandres — 59386 Dunkerque Cedex 1");
      expect(titles.every((title) => !title.includes("Puy-de-Dôme"))).toBe(true);
    });
  });
});
