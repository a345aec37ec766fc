import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "../../src/db/import/import-csv.ts";
import type { TImportKind, TImportResult } from "../../src/db/import/import-types.ts";
import { parseCsv } from "../../src/db/import/parse-csv.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { createTestDatabase } from "../support/test-database.ts";

type TTestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

let db: TTestDatabase;
const dir = mkdtempSync(join(tmpdir(), "stagebot-import-"));

beforeAll(async () => {
  db = await createTestDatabase();
  await seedReferenceData(db.prisma);
  await seedDemo(db.prisma);
});

afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const STUDENT_HEADER = "studentNumber;lastName;firstName;email;birthDate;phone;addressLine;postalCode;city;academicYear;formationCode;typeConvention";

function csv(...lines: string[]): string {
  return `${lines.join("\r\n")}\r\n`;
}

function issuesOf(result: TImportResult): { line: number; column: string | null; code: string }[] {
  if (result.ok) throw new Error(`expected issues, the import succeeded: ${JSON.stringify(result.counts)}`);
  return result.issues.map(({ line, column, code }) => ({ line, column, code }));
}

async function directoryCounts() {
  const { prisma } = db;
  return {
    persons: await prisma.person.count(),
    students: await prisma.student.count(),
    inscriptions: await prisma.inscription.count(),
    teachers: await prisma.teacher.count(),
    staffCentres: await prisma.staffCentre.count(),
    centres: await prisma.centreGestion.count(),
    formations: await prisma.formation.count(),
    elements: await prisma.elementPedagogique.count(),
    cpam: await prisma.cpam.count(),
  };
}

describe("parseCsv", () => {
  it("reads a BOM, `;`, CRLF and a quoted field over two lines, keeping physical line numbers", () => {
    const text = '\uFEFFcode; Name \r\nA;"first\r\nsecond"\r\n\r\nB;plain\r\n';
    const { rows, issues } = parseCsv(text, ["code", "name"], ["code"]);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 2, values: { code: "A", name: "first\nsecond" } },
      { line: 5, values: { code: "B", name: "plain" } },
    ]);
  });

  it("detects `,` and reports header and column-count faults", () => {
    expect(parseCsv("code,name\nA,x\n", ["code", "name"], ["code"]).rows).toEqual([{ line: 2, values: { code: "A", name: "x" } }]);
    expect(parseCsv("nom,code,code\n", ["code", "name"], ["code", "name"]).issues.map((i) => [i.column, i.code])).toEqual([
      ["nom", "UNKNOWN_COLUMN"],
      ["code", "DUPLICATE_COLUMN"],
      ["name", "MISSING_COLUMN"],
    ]);
    expect(parseCsv("code,name\nA\n", ["code", "name"], ["code"]).issues).toEqual([
      { line: 2, column: null, code: "COLUMN_COUNT", params: { expected: 2, found: 1 } },
    ]);
    expect(parseCsv('code,name\nA,"open\n', ["code", "name"], ["code"]).issues.map((i) => i.code)).toEqual(["CSV_SYNTAX"]);
  });
});

describe("students import", () => {
  const good = csv(
    STUDENT_HEADER,
    "30000001;Durand;Paul;Paul.Durand@etu.univ-demo.fr;14/02/2004;06 11 22 33 44;1 rue de Rome;13001;Marseille;2026/2027;3M127C;",
    "30000001;Durand;Paul;paul.durand@etu.univ-demo.fr;14/02/2004;06 11 22 33 44;1 rue de Rome;13001;Marseille;2025/2026;3L327C;FORMATION_INITIALE",
    '30000002;Petit;Zoé;zoe.petit@etu.univ-demo.fr;2005-07-30;;"2 rue B\r\nbâtiment C";13002;Marseille;2026/2027;SM1INF;',
  );

  it("imports nothing when one line is bad, and names that line and why", async () => {
    const before = await directoryCounts();
    const bad = good.replace("2005-07-30", "31/02/2005");
    const result = await importCsv(db.prisma, "students", bad);
    expect(issuesOf(result)).toEqual([{ line: 4, column: "birthDate", code: "INVALID_DATE" }]);
    expect(await directoryCounts()).toEqual(before);
  });

  it("imports a good file, then updates rather than duplicates", async () => {
    const before = await directoryCounts();
    const first = await importCsv(db.prisma, "students", good);
    expect(first).toEqual({
      ok: true,
      rows: 3,
      counts: { students: { created: 2, updated: 0 }, inscriptions: { created: 3, updated: 0 } },
    });
    const afterFirst = await directoryCounts();
    expect(afterFirst.students - before.students).toBe(2);
    expect(afterFirst.inscriptions - before.inscriptions).toBe(3);

    const second = await importCsv(db.prisma, "students", good.replaceAll("1 rue de Rome", "5 rue Paradis"));
    expect(second).toMatchObject({ ok: true, counts: { students: { created: 0, updated: 2 }, inscriptions: { created: 0, updated: 3 } } });
    expect(await directoryCounts()).toEqual(afterFirst);
    const paul = await db.prisma.student.findUniqueOrThrow({ where: { studentNumber: "30000001" }, include: { person: true } });
    expect(paul).toMatchObject({ addressLine: "5 rue Paradis", person: { email: "paul.durand@etu.univ-demo.fr", phone: "06 11 22 33 44" } });
    expect(paul.birthDate.toISOString()).toBe("2004-02-14T00:00:00.000Z");
    const zoe = await db.prisma.student.findUniqueOrThrow({ where: { studentNumber: "30000002" } });
    expect(zoe.addressLine).toBe("2 rue B\nbâtiment C");
  });

  it.each([
    ["an unknown formation", "30000010;Roy;Ana;ana.roy@etu.univ-demo.fr;2004-01-01;;;;;2026/2027;NOPE;", "formationCode", "UNKNOWN_FORMATION"],
    [
      "an unknown convention type",
      "30000010;Roy;Ana;ana.roy@etu.univ-demo.fr;2004-01-01;;;;;2026/2027;3M127C;STAGE_LIBRE",
      "typeConvention",
      "UNKNOWN_TYPE_CONVENTION",
    ],
    ["a bad academic year", "30000010;Roy;Ana;ana.roy@etu.univ-demo.fr;2004-01-01;;;;;2026/2028;3M127C;", "academicYear", "INVALID_ACADEMIC_YEAR"],
    ["a bad e-mail", "30000010;Roy;Ana;ana.roy@;2004-01-01;;;;;2026/2027;3M127C;", "email", "INVALID_EMAIL"],
    ["a missing name", "30000010;;Ana;ana.roy@etu.univ-demo.fr;2004-01-01;;;;;2026/2027;3M127C;", "lastName", "REQUIRED"],
    ["another student's e-mail", "30000010;Roy;Ana;lea.martin@etu.univ-demo.fr;2004-01-01;;;;;2026/2027;3M127C;", "email", "EMAIL_OF_OTHER_STUDENT"],
    ["a teacher's e-mail for an existing student", "22001234;Martin;Léa;sophie.lambert@univ-demo.fr;2004-05-12;;;;;2026/2027;3M127C;", "email", "EMAIL_TAKEN"],
    ["a duplicate inscription", "30000001;Durand;Paul;paul.durand@etu.univ-demo.fr;14/02/2004;;;;;2026/2027;3M127C;", "formationCode", "DUPLICATE_ROW"],
    [
      "the same student with another birth date",
      "30000001;Durand;Paul;paul.durand@etu.univ-demo.fr;15/02/2004;;;;;2026/2027;SM1INF;",
      "birthDate",
      "STUDENT_INCONSISTENT",
    ],
  ])("refuses %s", async (_, line, column, code) => {
    const before = await directoryCounts();
    const text = csv(STUDENT_HEADER, "30000001;Durand;Paul;paul.durand@etu.univ-demo.fr;14/02/2004;;;;;2026/2027;3M127C;", line);
    expect(issuesOf(await importCsv(db.prisma, "students", text))).toEqual([{ line: 3, column, code }]);
    expect(await directoryCounts()).toEqual(before);
  });

  it("refuses a file without a required column, or without data", async () => {
    const withoutEmail = csv("studentNumber;lastName;firstName;birthDate;academicYear;formationCode", "1;A;B;2004-01-01;2026/2027;3M127C");
    expect(issuesOf(await importCsv(db.prisma, "students", withoutEmail))).toEqual([{ line: 1, column: "email", code: "MISSING_COLUMN" }]);
    expect(issuesOf(await importCsv(db.prisma, "students", csv(STUDENT_HEADER)))).toEqual([{ line: 1, column: null, code: "EMPTY_FILE" }]);
  });
});

async function expectImport(kind: TImportKind, text: string): Promise<TImportResult & { ok: true }> {
  const result = await importCsv(db.prisma, kind, text);
  if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result;
}

describe("other kinds", () => {
  it("imports teachers by e-mail and updates them on a second run", async () => {
    const text = csv(
      "email,lastName,firstName,department",
      "Marc.Blanc@univ-demo.fr,Blanc,Marc,Chimie",
      "nadia.cherif@univ-demo.fr,Chérif,Nadia,Informatique et réseaux",
    );
    expect((await expectImport("teachers", text)).counts).toEqual({ teachers: { created: 1, updated: 1 } });
    expect((await expectImport("teachers", text)).counts).toEqual({ teachers: { created: 0, updated: 2 } });
    const nadia = await db.prisma.teacher.findFirstOrThrow({ where: { person: { email: "nadia.cherif@univ-demo.fr" } } });
    expect(nadia.department).toBe("Informatique et réseaux");
  });

  it("imports centres, and refuses a steps list without validation administrative", async () => {
    const header = "code;name;email;steps;studentsMayRequestAvenant";
    const text = csv(header, "DROIT;Faculté de Droit;stages-droit@univ-demo.fr;VERIFICATION_ADMINISTRATIVE|VALIDATION_ADMINISTRATIVE;oui");
    expect((await expectImport("centres", text)).counts).toEqual({ centres: { created: 1, updated: 0 } });
    const droit = await db.prisma.centreGestion.findUniqueOrThrow({ where: { code: "DROIT" } });
    expect(droit).toMatchObject({ steps: ["VERIFICATION_ADMINISTRATIVE", "VALIDATION_ADMINISTRATIVE"], studentsMayRequestAvenant: true });

    const before = await directoryCounts();
    const bad = csv(
      header,
      "ECO;Faculté d'Économie;;PEDAGOGIQUE;non",
      "GEO;Géographie;;PEDAGOGIQUE|RELECTURE|VALIDATION_ADMINISTRATIVE;non",
      "HIS;Histoire;;PEDAGOGIQUE|PEDAGOGIQUE|VALIDATION_ADMINISTRATIVE;peut-être",
      "DROIT;Faculté de Droit;;VALIDATION_ADMINISTRATIVE;non",
    );
    expect(issuesOf(await importCsv(db.prisma, "centres", bad))).toEqual([
      { line: 2, column: "steps", code: "STEPS_MISSING_VALIDATION_ADMINISTRATIVE" },
      { line: 3, column: "steps", code: "STEP_UNKNOWN" },
      { line: 4, column: "steps", code: "STEP_REPEATED" },
      { line: 4, column: "studentsMayRequestAvenant", code: "INVALID_BOOLEAN" },
    ]);
    expect(await directoryCounts()).toEqual(before);
  });

  it("imports formations with their éléments, checking their centre and consistency", async () => {
    const header = "formationCode;label;composante;centreCode;elementCode;elementLabel;ects";
    const text = csv(
      header,
      "DM1DPR;Master Droit privé 1ère année;Faculté de Droit;DROIT;DPRS01;Stage en cabinet;7,5",
      "DM1DPR;Master Droit privé 1ère année;Faculté de Droit;DROIT;;;",
    );
    expect((await expectImport("formations", text)).counts).toEqual({ formations: { created: 1, updated: 0 }, elements: { created: 1, updated: 0 } });
    const element = await db.prisma.elementPedagogique.findFirstOrThrow({ where: { code: "DPRS01" } });
    expect(element.ects?.toString()).toBe("7.5");

    const bad = csv(
      header,
      "3M127C;Master Psychologie 1ère année;UFR Psychologie, Sc. Sociales, Sc. Educ.;DEMO-PSY;3427BS09;Stage hospitalier;6",
      "3M127C;Master Psychologie 1ère année;UFR Psychologie, Sc. Sociales, Sc. Educ.;DEMO-SCI;3427BS10;Stage libéral;6",
      "XM1;Master X;;NOWHERE;X1;Stage;",
      "XM2;Master Y;;DROIT;X2;;",
    );
    expect(issuesOf(await importCsv(db.prisma, "formations", bad))).toEqual([
      { line: 3, column: "centreCode", code: "FORMATION_INCONSISTENT" },
      { line: 4, column: "centreCode", code: "UNKNOWN_CENTRE" },
      { line: 5, column: "elementLabel", code: "REQUIRED" },
    ]);
  });

  it("imports staff with their centres, replacing them on a second run", async () => {
    const header = "email;lastName;firstName;centreCodes;isAdmin";
    const first = csv(header, "julie.morel@univ-demo.fr;Morel;Julie;DEMO-PSY|DROIT;non", "admin2@univ-demo.fr;Admin;Deux;;oui");
    expect((await expectImport("staff", first)).counts).toEqual({ staff: { created: 2, updated: 0 } });
    const second = csv(header, "julie.morel@univ-demo.fr;Morel;Julie;DROIT;non");
    expect((await expectImport("staff", second)).counts).toEqual({ staff: { created: 0, updated: 1 } });
    const julie = await db.prisma.staff.findFirstOrThrow({
      where: { person: { email: "julie.morel@univ-demo.fr" } },
      include: { centres: { include: { centre: true } } },
    });
    expect(julie.centres.map((c) => c.centre.code)).toEqual(["DROIT"]);
    // A file without the isAdmin column leaves that right as it was.
    await expectImport("staff", csv("email;lastName;firstName;centreCodes", "admin2@univ-demo.fr;Admin;Deux;DROIT"));
    expect((await db.prisma.staff.findFirstOrThrow({ where: { person: { email: "admin2@univ-demo.fr" } } })).isAdmin).toBe(true);

    const bad = csv(header, "x@univ-demo.fr;X;Y;NOWHERE;non", "z@univ-demo.fr;Z;W;;non", "x@univ-demo.fr;X;Y;DROIT;non");
    expect(issuesOf(await importCsv(db.prisma, "staff", bad))).toEqual([
      { line: 2, column: "centreCodes", code: "UNKNOWN_CENTRE" },
      { line: 3, column: "centreCodes", code: "STAFF_WITHOUT_CENTRE" },
      { line: 4, column: "email", code: "DUPLICATE_ROW" },
    ]);
  });

  it("imports CPAM by code and checks them as the shipped list does", async () => {
    const header = "code;departement;departementLabel;region;label;address;postalCode;city";
    const text = csv(
      header,
      "CPAM-13;13;Bouches-du-Rhône;Provence-Alpes-Côte d'Azur;CPAM des Bouches-du-Rhône;56 chemin Joseph Aiguier;13009;Marseille",
      "MSA-13;13;Bouches-du-Rhône;Provence-Alpes-Côte d'Azur;MSA Provence Azur;152 avenue de Hambourg;13008;Marseille",
    );
    expect((await expectImport("cpam", text)).counts).toEqual({ cpam: { created: 1, updated: 1 } });
    expect((await db.prisma.cpam.findUniqueOrThrow({ where: { code: "CPAM-13" } })).address).toBe("56 chemin Joseph Aiguier");
    const bad = csv(header, "CPAM-13;13;Bouches-du-Rhône;Provence;CPAM;;1300;Marseille");
    expect(issuesOf(await importCsv(db.prisma, "cpam", bad))).toEqual([
      { line: 2, column: "postalCode", code: "INVALID" },
      { line: 2, column: "region", code: "INVALID" },
    ]);
  });
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "node_modules/.bin/tsx",
      ["src/cli/import-cli.ts", ...args],
      { env: { ...process.env, DATABASE_URL: db.url }, cwd: process.cwd() },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe("import CLI", () => {
  it("prints every bad line and exits 1, importing nothing", async () => {
    const file = join(dir, "bad-students.csv");
    writeFileSync(
      file,
      csv(
        STUDENT_HEADER,
        "40000001;Faure;Lina;lina.faure@etu.univ-demo.fr;2004-03-03;;;;;2026/2027;3M127C;",
        "40000002;Gay;Tom;tom.gay@etu.univ-demo.fr;2004-13-01;;;;;2026/2027;3M127C;",
      ),
    );
    const before = await directoryCounts();
    const { code, stderr } = await runCli(["students", file]);
    expect(code).toBe(1);
    expect(stderr).toContain("1 ligne en erreur, rien n'a été importé");
    expect(stderr).toContain("Ligne 3, colonne birthDate : date invalide « 2004-13-01 »");
    expect(await directoryCounts()).toEqual(before);
  });

  it("imports a good file, exits 0 and prints the counts, in English with --lang en", async () => {
    const file = join(dir, "teachers.csv");
    writeFileSync(file, csv("email;lastName;firstName;department", "rose.leroy@univ-demo.fr;Leroy;Rose;Sociologie"));
    const { code, stdout } = await runCli(["teachers", file, "--lang", "en"]);
    expect(code).toBe(0);
    expect(stdout).toContain("1 line imported");
    expect(stdout).toContain("Teachers — created: 1, updated: 0");
    expect(await db.prisma.person.count({ where: { email: "rose.leroy@univ-demo.fr" } })).toBe(1);
  });

  it("exits 2 with the usage on an unknown kind", async () => {
    const { code, stderr } = await runCli(["rooms", "x.csv"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Type d'import inconnu : « rooms »");
  });
});
