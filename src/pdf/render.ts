import { createPdfDocument, finishPdf } from "./document.ts";
import type { TAvenantPdfModel, TConventionPdfModel } from "./model.ts";
import { finishPages } from "./numbering.ts";
import { drawHead, drawSection, titleOf } from "./sections.ts";
import { drawSignatures } from "./signatures.ts";

/** Options of a convention PDF. */
export type TRenderOptions = {
  /** A preview: "PROJET" watermark on every page, no number. */
  draft?: boolean;
};

/** The convention PDF: parties, the articles of D124-4, the five signatures, "page N / M". */
export function renderConventionPdf(model: TConventionPdfModel, options: TRenderOptions = {}): Promise<Buffer> {
  const draft = options.draft === true;
  const title = titleOf(model.chrome, draft);
  const doc = createPdfDocument({ title: draft ? title.fr : model.documentTitle, createdAt: model.createdAt, lang: "fr-FR" });
  return finishPdf(doc, () => {
    drawHead(doc, model.institution, title, model.chrome.subtitles);
    for (const section of model.sections) drawSection(doc, section);
    drawSignatures(doc, model.chrome, model.closing, model.signatures);
    finishPages(doc, draft ? model.chrome.draftFooter : model.chrome.footer, model.chrome.pageTemplate, draft ? model.chrome.watermark : null);
  });
}

/** The avenant PDF: the convention concerned, the motives, each change old → new, the signatures. */
export function renderAvenantPdf(model: TAvenantPdfModel): Promise<Buffer> {
  const doc = createPdfDocument({ title: model.documentTitle, createdAt: model.createdAt, lang: "fr-FR" });
  return finishPdf(doc, () => {
    drawHead(doc, model.institution, model.chrome.title, model.chrome.subtitles);
    for (const section of model.sections) drawSection(doc, section);
    drawSignatures(doc, model.chrome, model.closing, model.signatures);
    finishPages(doc, model.chrome.footer, model.chrome.pageTemplate, null);
  });
}
