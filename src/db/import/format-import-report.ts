import { translate, type TLocale } from "../../i18n/translate.ts";
import type { TImportIssue, TImportResult } from "./import-types.ts";

/** One issue as a sentence: "Ligne 3, colonne birthDate : date invalide ...". */
export function formatImportIssue(locale: TLocale, issue: TImportIssue): string {
  // Defaults keep a template's placeholders from showing raw when a check gave no value.
  const reason = translate(locale, `import:reason.${issue.code}`, { value: "", detail: "", ...issue.params });
  const key = issue.column === null ? "import:issueWithoutColumn" : "import:issue";
  return translate(locale, key, { line: issue.line, column: issue.column ?? "", reason });
}

/** The lines the import CLI prints for a result: a summary, then every issue or every count. */
export function formatImportReport(locale: TLocale, file: string, result: TImportResult): string[] {
  if (!result.ok) {
    const badLines = new Set(result.issues.map((issue) => issue.line)).size;
    return [translate(locale, "import:rejected", { file, count: badLines }), ...result.issues.map((issue) => formatImportIssue(locale, issue))];
  }
  const counts = Object.entries(result.counts).map(([entity, { created, updated }]) =>
    translate(locale, "import:counts", { entity: translate(locale, `import:entity.${entity}`), created, updated }),
  );
  return [translate(locale, "import:imported", { file, count: result.rows }), ...counts];
}
