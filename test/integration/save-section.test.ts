import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/app/app-error.ts";
import { evaluateConvention } from "../../src/app/evaluate-convention.ts";
import { saveSection } from "../../src/app/save-section.ts";
import { createDraft } from "../../src/db/convention-repository.ts";
import { createAnswerChecks } from "../../src/db/answer-checks.ts";
import { createConventionStore } from "../../src/db/convention-store.ts";
import { createRulesFactsSource } from "../../src/db/rules-facts-source.ts";
import type { TActor } from "../../src/domain/permissions.ts";
import { createTestDatabase } from "../support/test-database.ts";

const clock = () => new Date("2026-11-28T10:00:00Z");

// A regular 35 h week from Monday 2027-01-04 to Friday 2027-05-21: 100 weekdays x 7 h, minus
// Easter Monday (29 March), Ascension (6 May) and Whit Monday (17 May) = 679 h.
const STAGE_679_HOURS = {
  dateDebut: "2027-01-04",
  dateFin: "2027-05-21",
  horairesReguliers: true,
  heuresHebdomadaires: 35,
};

describe("saving sections and evaluating rules on real PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let student: TActor;
  let otherStudent: TActor;
  let hostA: number;
  let hostB: number;
  let checks: ReturnType<typeof createAnswerChecks>;
  let facts: ReturnType<typeof createRulesFactsSource>;

  // Each draft gets its own host unless one is given: hours with the same host add up (924 h cap).
  async function newDraft(actor: TActor, host?: number, academicYear = "2026/2027") {
    const etablissementId =
      host ?? (await database.prisma.etablissement.create({ data: { raisonSociale: "Hôte", normalizedName: `hote ${Math.random()}` } })).id;
    const draft = await createDraft(database.prisma, actor.personId, actor.personId);
    await database.prisma.convention.update({ where: { id: draft.id }, data: { etablissementId, academicYear } });
    return draft.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    checks = createAnswerChecks(database.prisma);
    facts = createRulesFactsSource(database.prisma);
    const makeStudent = async (email: string, number: string): Promise<TActor> => {
      const person = await database.prisma.person.create({
        data: { email, lastName: "Durand", firstName: "Inès", student: { create: { studentNumber: number, birthDate: new Date("2004-05-06") } } },
      });
      return { personId: person.id, studentId: person.id, staffCentreIds: [], isAdmin: false };
    };
    student = await makeStudent("ines.durand@etu.example.fr", "22000001");
    otherStudent = await makeStudent("paul.roux@etu.example.fr", "22000002");
    hostA = (await database.prisma.etablissement.create({ data: { raisonSociale: "Clinique A", normalizedName: "clinique a" } })).id;
    hostB = (await database.prisma.etablissement.create({ data: { raisonSociale: "Cabinet B", normalizedName: "cabinet b" } })).id;
  });

  afterAll(async () => {
    await database.drop();
  });

  it("saves a partial section at once, computing the durée effective", async () => {
    const conventions = createConventionStore(database.prisma);
    const id = await newDraft(student);
    const { convention, completion } = await saveSection({ conventions, checks, facts, clock }, student, {
      conventionId: id,
      expectedVersion: 1,
      sectionId: "stage",
      answers: { ...STAGE_679_HOURS, sujet: "Bilans psychologiques" },
    });
    expect(convention.version).toBe(2);
    expect(convention.values.sujet).toBe("Bilans psychologiques");
    expect(convention.dureeEffectiveCalculee).toBe(679);
    expect(completion.sections.stage.state).toBe("incomplete");
    expect(completion.sections.stage.missing).toContain("competences");
  });

  it.each([
    ["end before start", { dateDebut: "2027-03-01", dateFin: "2027-02-01" }, "dateFin"],
    ["an impossible date", { dateDebut: "2027-02-30" }, "dateDebut"],
    ["an interruption outside the internship", { interruptions: [{ dateDebut: "2027-06-01", dateFin: "2027-06-03" }] }, "interruptions.0.dateFin"],
  ])("refuses %s and leaves the saved draft as it was", async (_label, answers, field) => {
    const conventions = createConventionStore(database.prisma);
    const id = await newDraft(student);
    const saved = await saveSection({ conventions, checks, facts, clock }, student, {
      conventionId: id,
      expectedVersion: 1,
      sectionId: "stage",
      answers: STAGE_679_HOURS,
    });

    const attempt = saveSection({ conventions, checks, facts, clock }, student, {
      conventionId: id,
      expectedVersion: saved.convention.version,
      sectionId: "stage",
      answers,
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((caught: unknown) => caught)) as AppError;
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.details).toEqual({ kind: "fields", errors: expect.arrayContaining([expect.objectContaining({ field })]) });

    const after = await conventions.get(id);
    expect(after.version).toBe(saved.convention.version);
    expect(after.values).toEqual(saved.convention.values);
  });

  it("refuses a save from another student, and a stale save", async () => {
    const conventions = createConventionStore(database.prisma);
    const id = await newDraft(student);
    await expect(
      saveSection({ conventions, checks, facts, clock }, otherStudent, { conventionId: id, expectedVersion: 1, sectionId: "stage", answers: { sujet: "x" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", params: { reason: "not_owner" } });
    await expect(
      saveSection({ conventions, checks, facts, clock }, student, { conventionId: id, expectedVersion: 0, sectionId: "stage", answers: { sujet: "x" } }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect((await conventions.get(id)).values.sujet).toBeNull();
  });

  it("adds up the hours of the student's conventions with the same host in the same year (924 h)", async () => {
    const deps = { conventions: createConventionStore(database.prisma), checks, facts, clock };
    const save = async (id: number) =>
      (await saveSection(deps, otherStudent, { conventionId: id, expectedVersion: 1, sectionId: "stage", answers: STAGE_679_HOURS })).convention;

    const first = await save(await newDraft(otherStudent, hostB));
    const firstCodes = (await evaluateConvention(deps, first)).map((result) => result.code);
    expect(firstCodes).not.toContain("DUREE_MAX_EXCEEDED_CUMULATED");

    const sameHostOtherYear = await save(await newDraft(otherStudent, hostB, "2027/2028"));
    expect((await evaluateConvention(deps, sameHostOtherYear)).filter((result) => result.severity === "error")).toEqual([]);
    const otherHost = await save(await newDraft(otherStudent, hostA));
    expect((await evaluateConvention(deps, otherHost)).filter((result) => result.severity === "error")).toEqual([]);

    // The second convention with the same host in the same year: 679 + 679 h > 924 h.
    const secondId = await newDraft(otherStudent, hostB);
    const refused = save(secondId);
    await expect(refused).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: {
        kind: "fields",
        errors: [expect.objectContaining({ code: "legal_rule", params: expect.objectContaining({ rule: "DUREE_MAX_EXCEEDED_CUMULATED" }) })],
      },
    });
    expect((await deps.conventions.get(secondId)).values.dateDebut).toBeNull();
  });

  it("refuses a référent beyond their ceiling (D124-3) when chosen, naming it, and counts only conventions at the same time", async () => {
    const deps = { conventions: createConventionStore(database.prisma), checks, facts, clock };
    const teacher = await database.prisma.person.create({
      data: { email: "marc.petit@univ.example.fr", lastName: "Petit", firstName: "Marc", teacher: { create: { maxConventions: 1 } } },
    });
    // Another student's submitted convention over the same months, with this référent.
    const busy = await newDraft(otherStudent);
    await database.prisma.convention.update({
      where: { id: busy },
      data: { enseignantId: teacher.id, state: "SUBMITTED", dateDebut: new Date("2027-02-01"), dateFin: new Date("2027-04-30") },
    });
    const id = await newDraft(student);
    const saved = await saveSection(deps, student, { conventionId: id, expectedVersion: 1, sectionId: "stage", answers: STAGE_679_HOURS });
    const refused = saveSection(deps, student, {
      conventionId: id,
      expectedVersion: saved.convention.version,
      sectionId: "enseignant",
      answers: { enseignantId: teacher.id },
    });
    // 1 other + this one = 2 at once from 1 Feb 2027, above the ceiling of 1
    await expect(refused).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: {
        kind: "fields",
        errors: [
          expect.objectContaining({
            field: "enseignantId",
            params: expect.objectContaining({ rule: "ENSEIGNANT_QUOTA_EXCEEDED", count: 2, max: 1, date: "2027-02-01" }),
          }),
        ],
      },
    });
    expect((await deps.conventions.get(id)).values.enseignantId).toBeNull();

    // A ceiling of 2 takes the second intern.
    await database.prisma.teacher.update({ where: { personId: teacher.id }, data: { maxConventions: 2 } });
    const accepted = await saveSection(deps, student, {
      conventionId: id,
      expectedVersion: saved.convention.version,
      sectionId: "enseignant",
      answers: { enseignantId: teacher.id },
    });
    expect(accepted.convention.values.enseignantId).toBe(teacher.id);
  });

  it("warns when the host would take more interns in one week than its effectif allows (R124-10)", async () => {
    const deps = { conventions: createConventionStore(database.prisma), checks, facts, clock };
    await database.prisma.referenceItem.upsert({
      where: { list_code: { list: "EFFECTIF", code: "EFF_1_9" } },
      create: { list: "EFFECTIF", code: "EFF_1_9", label: "1 à 9 salariés", labelEn: "1 to 9 employees", extra: { min: 1, max: 9 } },
      update: {},
    });
    const host = (await database.prisma.etablissement.create({ data: { raisonSociale: "Cabinet C", normalizedName: "cabinet c", effectifCode: "EFF_1_9" } }))
      .id;
    // Three other students' submitted conventions at this host in the week of Monday 1 March 2027.
    for (const email of ["a@etu.example.fr", "b@etu.example.fr", "c@etu.example.fr"]) {
      const person = await database.prisma.person.create({
        data: { email, lastName: "Autre", firstName: "Élève", student: { create: { studentNumber: email, birthDate: new Date("2003-01-01") } } },
      });
      const draft = await createDraft(database.prisma, person.id, person.id);
      await database.prisma.convention.update({
        where: { id: draft.id },
        data: { etablissementId: host, state: "SUBMITTED", dateDebut: new Date("2027-03-01"), dateFin: new Date("2027-03-05") },
      });
    }
    const id = await newDraft(student, host);
    const saved = await saveSection(deps, student, { conventionId: id, expectedVersion: 1, sectionId: "stage", answers: STAGE_679_HOURS });
    const results = await evaluateConvention(deps, saved.convention);
    // 3 others + this one = 4 interns in the week of 1 March, above 3 for fewer than 20 employees
    expect(results.filter((result) => result.code === "HOST_QUOTA_EXCEEDED")).toEqual([
      { code: "HOST_QUOTA_EXCEEDED", severity: "warning", field: "etablissementId", params: { count: 4, max: 3, week: "2027-03-01" } },
    ]);
    // The exact headcount is stored on the convention (section 2) and replaces the band "1 à 9":
    // 21 employees × 15 % = 3.15 → 4 interns allowed; 20 × 15 % = 3 → still exceeded.
    const withHeadcount = await saveSection(deps, student, {
      conventionId: id,
      expectedVersion: saved.convention.version,
      sectionId: "etablissement",
      answers: { effectifAccueil: 21 },
    });
    expect(withHeadcount.convention.values.effectifAccueil).toBe(21);
    expect((await evaluateConvention(deps, withHeadcount.convention)).map((result) => result.code)).not.toContain("HOST_QUOTA_EXCEEDED");
    const at20 = await saveSection(deps, student, {
      conventionId: id,
      expectedVersion: withHeadcount.convention.version,
      sectionId: "etablissement",
      answers: { effectifAccueil: 20 },
    });
    expect((await evaluateConvention(deps, at20.convention)).filter((result) => result.code === "HOST_QUOTA_EXCEEDED")).toEqual([
      { code: "HOST_QUOTA_EXCEEDED", severity: "warning", field: "etablissementId", params: { count: 4, max: 3, week: "2027-03-01" } },
    ]);
  });

  it("reads the gratification rates from the database table", async () => {
    await database.prisma.gratificationRate.createMany({ data: [{ year: 2027, hourlyMinimum: 5 }] });
    const facts = createRulesFactsSource(database.prisma);
    expect(await facts.gratificationRates()).toEqual({ 2027: 5 });
  });
});
