import { createHash } from "node:crypto";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type TDatabase } from "../../src/db/create-database.ts";
import { BackupRefused, dumpEmbeddedDatabase, restoreEmbeddedDatabase } from "../../src/db/embedded-backup.ts";

const work = mkdtempSync(join(tmpdir(), "stagebot-backup-"));
const open: TDatabase[] = [];

async function openEmbedded(dataDir: string): Promise<TDatabase> {
  const database = await createDatabase({ dataDir });
  open.push(database);
  return database;
}

describe("backup and restore of the embedded database", () => {
  afterAll(async () => {
    await Promise.all(open.map((database) => database.close().catch(() => undefined)));
  });

  it("a dump restored into a fresh data directory has every convention and document intact", async () => {
    const source = await openEmbedded(join(work, "source"));
    const person = await source.prisma.person.create({
      data: {
        email: "ines.durand@etu.example.fr",
        lastName: "Durand",
        firstName: "Inès",
        student: { create: { studentNumber: "22000001", birthDate: new Date("2004-05-06") } },
      },
    });
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(Array.from({ length: 50_000 }, (_, index) => index % 251))]);
    for (const [index, sujet] of ["Étude des sols", "Analyse d'images — été"].entries()) {
      const convention = await source.prisma.convention.create({
        data: {
          studentId: person.id,
          createdById: person.id,
          state: "VALIDATED",
          numero: 500 + index,
          sujet,
          dateFin: new Date("2027-02-26"),
          gratificationMontant: "4.35",
        },
      });
      await source.prisma.conventionDocument.create({
        data: {
          conventionId: convention.id,
          kind: "CONVENTION",
          filename: `convention-${index}.pdf`,
          sha256: createHash("sha256").update(pdf).digest("hex"),
          content: pdf,
        },
      });
    }
    const conventionsBefore = await source.prisma.convention.findMany({ orderBy: { id: "asc" } });
    const documentsBefore = await source.prisma.conventionDocument.findMany({ orderBy: { id: "asc" } });
    await source.close();
    open.pop();

    const dump = join(work, "stagebot.tar.gz");
    const size = await dumpEmbeddedDatabase(join(work, "source"), dump);
    expect(statSync(dump).size).toBe(size);

    await restoreEmbeddedDatabase(dump, join(work, "restored"));
    const restored = await openEmbedded(join(work, "restored"));
    expect(await restored.prisma.convention.findMany({ orderBy: { id: "asc" } })).toEqual(conventionsBefore);
    const documentsAfter = await restored.prisma.conventionDocument.findMany({ orderBy: { id: "asc" } });
    expect(documentsAfter).toEqual(documentsBefore);
    for (const document of documentsAfter) expect(createHash("sha256").update(document.content).digest("hex")).toBe(document.sha256);
    // The restored database carries on: numbers, sequences and migrations as they were.
    expect(restored.migrations.applied).toEqual([]);
    const next = await restored.prisma.convention.create({ data: { studentId: person.id, createdById: person.id } });
    expect(next.id).toBeGreaterThan(Math.max(...conventionsBefore.map((row) => row.id)));
  }, 120_000);

  it("never restores over a database, and says so for a file that is not a dump", async () => {
    await expect(restoreEmbeddedDatabase(join(work, "stagebot.tar.gz"), join(work, "restored"))).rejects.toMatchObject({ code: "target_not_empty" });
    await expect(restoreEmbeddedDatabase(join(work, "missing.tar.gz"), join(work, "other"))).rejects.toBeInstanceOf(BackupRefused);
    await expect(dumpEmbeddedDatabase(join(work, "nothing-here"), join(work, "nothing.tar.gz"))).rejects.toMatchObject({ code: "source_missing" });
    writeFileSync(join(work, "junk.tar.gz"), "not a dump");
    await expect(restoreEmbeddedDatabase(join(work, "junk.tar.gz"), join(work, "junk"))).rejects.toThrow();
  }, 60_000);
});
