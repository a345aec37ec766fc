// `npm run pdf:sample -- --out FILE [--lang fr|fr-francophone|en] [--confidential] [--draft] [--long] [--minor] [--avenant] [--logo FILE]`:
// writes the PDF of a demo convention (Léa Martin at the AP-HM, ...) built in memory, no database needed.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod/v4";
import { renderAvenantPdf, renderConventionPdf } from "../pdf/render.ts";
import { sampleAvenantModel, sampleConventionModel } from "../pdf/sample-model.ts";

const ZArgs = z.object({
  out: z.string().min(1, "--out FILE is required"),
  lang: z.enum(["fr", "fr-francophone", "en"]).default("fr"),
  confidential: z.boolean().default(false),
  draft: z.boolean().default(false),
  long: z.boolean().default(false),
  minor: z.boolean().default(false),
  avenant: z.boolean().default(false),
  logo: z.string().optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      lang: { type: "string" },
      confidential: { type: "boolean" },
      draft: { type: "boolean" },
      long: { type: "boolean" },
      minor: { type: "boolean" },
      avenant: { type: "boolean" },
      logo: { type: "string" },
    },
  });
  const parsed = ZArgs.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`).join("\n"));
  const args = parsed.data;
  const logo = args.logo ? readFileSync(args.logo) : null;
  const pdf = args.avenant
    ? await renderAvenantPdf(sampleAvenantModel({ lang: args.lang }))
    : await renderConventionPdf(sampleConventionModel({ lang: args.lang, confidential: args.confidential, long: args.long, minor: args.minor, logo }), {
        draft: args.draft,
      });
  writeFileSync(args.out, pdf);
  console.log(`${args.out}: ${pdf.length} bytes`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
