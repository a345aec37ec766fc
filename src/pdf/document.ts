import PDFDocument from "pdfkit";
import { registerFonts } from "./fonts.ts";
import { MARGINS } from "./layout.ts";

/** A pdfkit document. */
export type TDoc = PDFKit.PDFDocument;

/**
 * An A4 document with the embedded fonts. Pages stay buffered so that "page N / M" and the
 * draft watermark can be drawn on every page once the count is known.
 */
export function createPdfDocument(meta: { title: string; createdAt: Date; lang: string }): TDoc {
  return new PDFDocument({
    size: "A4",
    margins: { ...MARGINS },
    bufferPages: true,
    lang: meta.lang,
    displayTitle: true,
    // Fixed metadata: the same model always gives the same bytes (the stored hash is reproducible).
    info: { Title: meta.title, Creator: "Stagebot", Producer: "Stagebot", CreationDate: meta.createdAt, ModDate: meta.createdAt },
  });
}

/** Ends the document and resolves with its bytes. */
export function finishPdf(doc: TDoc, draw: (doc: TDoc) => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    try {
      registerFonts(doc);
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
