import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReferenceList } from "../../src/generated/prisma/client.ts";
import { isValidSiren, isValidSiret } from "../../src/domain/rules/siret.ts";
import { loadReferenceData } from "../../src/db/reference-data.ts";
import { DEMO_PEOPLE, seedDemo } from "../../src/db/seed/seed-demo.ts";
import { REFERENCE_LIST_OF, seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { createTestDatabase } from "../support/test-database.ts";

type TTestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

let db: TTestDatabase;
const reference = loadReferenceData();

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

async function tableCounts(): Promise<Record<string, number>> {
  const { prisma } = db;
  return {
    cpam: await prisma.cpam.count(),
    pays: await prisma.pays.count(),
    naf: await prisma.nafCode.count(),
    items: await prisma.referenceItem.count(),
    rates: await prisma.gratificationRate.count(),
    persons: await prisma.person.count(),
    centres: await prisma.centreGestion.count(),
    formations: await prisma.formation.count(),
    etablissements: await prisma.etablissement.count(),
    contacts: await prisma.contact.count(),
  };
}

describe("seedReferenceData", () => {
  it("loads every CPAM, country, NAF code, list item and gratification rate", async () => {
    const inserted = await seedReferenceData(db.prisma);
    const listItems = Object.keys(REFERENCE_LIST_OF).reduce((sum, name) => sum + reference.lists[name as keyof typeof REFERENCE_LIST_OF].length, 0);
    expect(inserted).toEqual({
      cpam: reference.cpam.length,
      pays: reference.pays.length,
      nafCodes: reference.nafCodes.length,
      referenceItems: listItems,
      gratificationRates: 3,
    });
    expect(await db.prisma.cpam.count()).toBe(reference.cpam.length);
    expect(await db.prisma.referenceItem.count({ where: { list: ReferenceList.TYPE_CONVENTION } })).toBe(reference.lists.typesConvention.length);
  });

  it("keeps list order and list-specific fields", async () => {
    const euro = await db.prisma.referenceItem.findUniqueOrThrow({ where: { list_code: { list: ReferenceList.DEVISE, code: "EUR" } } });
    expect(euro.extra).toMatchObject({ symbol: "€", default: true });
    const first = await db.prisma.referenceItem.findFirstOrThrow({ where: { list: ReferenceList.THEMATIQUE }, orderBy: { position: "asc" } });
    expect(first.code).toBe(reference.lists.thematiques[0]?.code);
    const plain = await db.prisma.referenceItem.findUniqueOrThrow({ where: { list_code: { list: ReferenceList.TEMPS_TRAVAIL, code: "TEMPS_PLEIN" } } });
    expect(plain.extra).toBeNull();
    const naf = await db.prisma.nafCode.findUniqueOrThrow({ where: { code: "86.10Z" } });
    expect(naf.section).toBe("Q");
  });

  it("has the legal hourly minimum of each year", async () => {
    const rates = await db.prisma.gratificationRate.findMany({ orderBy: { year: "asc" } });
    expect(rates.map((r) => [r.year, r.hourlyMinimum.toFixed(2)])).toEqual([
      [2024, "4.35"],
      [2025, "4.35"],
      [2026, "4.50"],
    ]);
  });

  it("inserts nothing the second time", async () => {
    const before = await tableCounts();
    expect(await seedReferenceData(db.prisma)).toEqual({ cpam: 0, pays: 0, nafCodes: 0, referenceItems: 0, gratificationRates: 0 });
    expect(await tableCounts()).toEqual(before);
  });
});

describe("seedDemo", () => {
  it("creates the demo university once", async () => {
    expect(await seedDemo(db.prisma)).toEqual({ created: true });
    const after = await tableCounts();
    expect(await seedDemo(db.prisma)).toEqual({ created: false });
    expect(await tableCounts()).toEqual(after);
  });

  it("creates it once when two instances seed a fresh database at once", async () => {
    const fresh = await createTestDatabase();
    try {
      await seedReferenceData(fresh.prisma);
      const results = await Promise.all([seedDemo(fresh.prisma), seedDemo(fresh.prisma)]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      expect(await fresh.prisma.centreGestion.count()).toBe(2);
      expect(await fresh.prisma.person.count()).toBe(DEMO_PEOPLE.length);
    } finally {
      await fresh.drop();
    }
  });

  it("has formation 3M127C with its élément 3427BS07", async () => {
    const formation = await db.prisma.formation.findUniqueOrThrow({
      where: { code: "3M127C" },
      include: { elementsPedagogiques: true, centre: true },
    });
    expect(formation).toMatchObject({ label: "Master Psychologie 1ère année", composante: "UFR Psychologie, Sc. Sociales, Sc. Educ." });
    expect(formation.centre.code).toBe("DEMO-PSY");
    const stage = formation.elementsPedagogiques.find((e) => e.code === "3427BS07");
    expect(stage?.label).toBe("Stage Psychologue");
    expect(stage?.ects?.toNumber()).toBe(6);
    const informatique = await db.prisma.elementPedagogique.findFirstOrThrow({ where: { label: "Stage M1 Informatique" }, include: { formation: true } });
    expect(informatique.ects?.toNumber()).toBe(12);
    expect(informatique.formation.label).toBe("Master Informatique 1ère année");
  });

  it("has two centres with different step orders", async () => {
    const centres = await db.prisma.centreGestion.findMany({ orderBy: { code: "asc" } });
    expect(centres.map((c) => [c.code, c.steps, c.studentsMayRequestAvenant])).toEqual([
      ["DEMO-PSY", ["PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"], true],
      ["DEMO-SCI", ["VERIFICATION_ADMINISTRATIVE", "PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"], false],
    ]);
    expect(centres[0]?.name).toBe("UFR Psychologie, Sciences sociales, Sciences de l'éducation");
  });

  it("has exactly one minor student on 2026-12-01", async () => {
    const students = await db.prisma.student.findMany({ include: { person: true, inscriptions: true } });
    expect(students.length).toBeGreaterThanOrEqual(4);
    const onDate = new Date("2026-12-01T00:00:00Z");
    const minors = students.filter((s) => {
      const eighteenth = new Date(s.birthDate);
      eighteenth.setUTCFullYear(eighteenth.getUTCFullYear() + 18);
      return eighteenth > onDate;
    });
    expect(minors.map((s) => s.person.email)).toEqual(["nathan.fabre@etu.univ-demo.fr"]);
    const seventeenth = new Date(minors[0]?.birthDate ?? 0);
    seventeenth.setUTCFullYear(seventeenth.getUTCFullYear() + 17);
    expect(seventeenth <= onDate).toBe(true);
    for (const s of students) expect(s.inscriptions.some((i) => i.academicYear === "2026/2027" && i.typeConvention === "FORMATION_INITIALE")).toBe(true);
    expect(students.some((s) => s.inscriptions.some((i) => i.academicYear === "2025/2026"))).toBe(true);
  });

  it("has every demo person, with lower-case unique e-mails on the demo domains", async () => {
    const emails = DEMO_PEOPLE.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const person of DEMO_PEOPLE) {
      expect(person.email).toBe(person.email.toLowerCase());
      expect(person.email).toMatch(person.role === "student" ? /@etu\.univ-demo\.fr$/ : /@univ-demo\.fr$/);
    }
    const persons = await db.prisma.person.findMany({
      where: { email: { in: emails } },
      include: { student: true, teacher: true, staff: { include: { centres: true } } },
    });
    expect(persons).toHaveLength(emails.length);
    const withRole = (role: string) => DEMO_PEOPLE.filter((p) => p.role === role).length;
    expect(withRole("student")).toBeGreaterThanOrEqual(4);
    expect(withRole("teacher")).toBeGreaterThanOrEqual(4);
    expect(withRole("admin")).toBeGreaterThanOrEqual(1);
    const gestionnaireCentres = persons.filter((p) => p.staff && !p.staff.isAdmin).map((p) => p.staff?.centres.length);
    expect(gestionnaireCentres).toContain(2);
    expect(persons.find((p) => p.email === "sophie.lambert@univ-demo.fr")?.teacher?.department).toBeTruthy();
  });

  it("has hosts whose SIRET and codes are valid", async () => {
    const etablissements = await db.prisma.etablissement.findMany({ include: { services: true, contacts: true } });
    expect(etablissements.length).toBeGreaterThanOrEqual(4);
    for (const e of etablissements) {
      if (e.siret !== null) {
        expect(isValidSiren(e.siret.slice(0, 9)), e.raisonSociale).toBe(true);
        expect(isValidSiret(e.siret), e.raisonSociale).toBe(true);
      }
      const item = (list: ReferenceList, code: string | null) => db.prisma.referenceItem.findUnique({ where: { list_code: { list, code: code ?? "" } } });
      expect(await item(ReferenceList.TYPE_STRUCTURE, e.typeStructureCode), e.raisonSociale).not.toBeNull();
      expect(await item(ReferenceList.STATUT_JURIDIQUE, e.statutJuridiqueCode), e.raisonSociale).not.toBeNull();
      expect(await item(ReferenceList.EFFECTIF, e.effectifCode), e.raisonSociale).not.toBeNull();
      if (e.nafCode !== null) expect(await db.prisma.nafCode.findUnique({ where: { code: e.nafCode } }), e.raisonSociale).not.toBeNull();
      expect(e.services.length, e.raisonSociale).toBeGreaterThanOrEqual(1);
      expect(e.contacts.length, e.raisonSociale).toBeGreaterThanOrEqual(1);
    }
    const aphm = etablissements.find((e) => e.raisonSociale === "Assistance Publique - Hôpitaux de Marseille");
    expect(aphm?.services.map((s) => s.name)).toContain("Service de psychiatrie");
    expect(aphm?.contacts.map((c) => c.fonction)).toEqual(expect.arrayContaining(["Psychologue clinicienne", "Directeur général"]));
    const countries = await db.prisma.pays.findMany({ where: { iso2: { in: etablissements.map((e) => e.countryIso2) } } });
    expect(countries.find((p) => p.iso2 === "BE")?.francophone).toBe(true);
    expect(countries.find((p) => p.iso2 === "DE")?.francophone).toBe(false);
  });
});
