import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/app/app-error.ts";
import { createDraft, getConvention, nextConventionNumber, updateConvention } from "../../src/db/convention-repository.ts";
import { createTestDatabase } from "../support/test-database.ts";

describe("convention repository (optimistic locking, numbering)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let studentId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const person = await database.prisma.person.create({
      data: {
        email: "lea.martin@etu.example.fr",
        lastName: "Martin",
        firstName: "Léa",
        student: { create: { studentNumber: "21900001", birthDate: new Date("2003-04-02") } },
      },
    });
    studentId = person.id;
  });

  afterAll(async () => {
    await database.drop();
  });

  it("rejects a stale update (old version) and changes nothing", async () => {
    const draft = await createDraft(database.prisma, studentId, studentId);
    expect(draft.version).toBe(1);

    const saved = await updateConvention(
      database.prisma,
      draft.id,
      1,
      { fields: { sujet: "Observation clinique" }, interruptions: [{ dateDebut: new Date("2027-04-01"), dateFin: new Date("2027-04-05") }] },
      { actorId: studentId, action: "section.saved", after: { sujet: "Observation clinique" } },
    );
    expect(saved.version).toBe(2);
    expect(saved.interruptions).toHaveLength(1);

    const stale = updateConvention(
      database.prisma,
      draft.id,
      1,
      { fields: { sujet: "Écrasé par une vieille fenêtre" }, interruptions: [] },
      { actorId: studentId, action: "section.saved" },
    );
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({ code: "STALE_VERSION", status: 409 });

    const after = await getConvention(database.prisma, draft.id);
    expect(after.sujet).toBe("Observation clinique");
    expect(after.version).toBe(2);
    expect(after.interruptions).toHaveLength(1);
    const audits = await database.prisma.auditEvent.findMany({ where: { conventionId: draft.id }, orderBy: { id: "asc" } });
    expect(audits.map((event) => event.action)).toEqual(["convention.created", "section.saved"]);
  });

  it("lets exactly one of two concurrent updates of the same version win", async () => {
    const draft = await createDraft(database.prisma, studentId, studentId);
    const attempts = await Promise.allSettled(
      ["Premier", "Second"].map((sujet) =>
        updateConvention(database.prisma, draft.id, draft.version, { fields: { sujet } }, { actorId: studentId, action: "section.saved" }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const rejected = attempts.filter((attempt) => attempt.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "STALE_VERSION" });
    expect((await getConvention(database.prisma, draft.id)).version).toBe(2);
  });

  it("reports a missing convention as NOT_FOUND, not as stale", async () => {
    await expect(updateConvention(database.prisma, 999_999, 1, { fields: { sujet: "x" } }, { actorId: null, action: "section.saved" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("numbers conventions from the database sequence, never twice", async () => {
    const numbers = await Promise.all(Array.from({ length: 10 }, () => nextConventionNumber(database.prisma)));
    expect(new Set(numbers).size).toBe(10);
    expect(numbers.every((numero) => Number.isInteger(numero) && numero > 0)).toBe(true);
  });
});
