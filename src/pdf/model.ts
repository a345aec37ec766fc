// What the PDF renderers draw: plain data, every text already written in the document's
// language(s). The renderers only lay it out; src/app/documents builds it from a convention.

/** A fixed text: French always; English too in the bilingual model (printed after the French). */
export type TLocalized = { fr: string; en?: string };

/** One line of a two-column block: a fixed label and the convention's value. */
export type TPdfFact = { label: TLocalized; value: string };

/** One block of a section, drawn in order. */
export type TPdfBlock =
  /** Label / value pairs, two columns. */
  | { kind: "facts"; facts: TPdfFact[] }
  /** A free text of the convention (fonctions et tâches...), flowing over pages as needed. */
  | { kind: "text"; label: TLocalized; text: string }
  /** A fixed clause of the institution or of the law. */
  | { kind: "clause"; text: TLocalized }
  /** A highlighted statement (confidentiality). */
  | { kind: "notice"; text: TLocalized }
  /** A table whose header is repeated on each page it spans; `widths` are fractions of the text width. */
  | { kind: "table"; label: TLocalized; columns: TLocalized[]; widths: number[]; rows: string[][] }
  /** A value changed by an avenant: before and after. */
  | { kind: "change"; label: TLocalized; before: string; after: string };

/** A titled part of the document: a party, or an article. */
export type TPdfSection = { title: TLocalized; blocks: TPdfBlock[] };

/** One signature box: who signs, their name, and what they sign as. */
export type TSignatureBlock = { role: TLocalized; name: string; detail?: string };

/** The institution issuing the documents. */
export type TPdfInstitution = { name: string; logo: Uint8Array | null };

/** Language models of the convention (Prisma enum ConventionLanguage). */
export type TPdfLangue = "FR" | "FR_FRANCOPHONE" | "EN_FR";

/** Fixed words the renderer needs around the content (titles, footer, watermark). */
export type TPdfChrome = {
  /** "Convention de stage n° 51928", or the avenant's title. */
  title: TLocalized;
  /** "Projet de convention de stage": the title of a draft preview, which has no number. */
  draftTitle: TLocalized;
  /** Left part of every page's footer. */
  footer: string;
  /** Footer of a draft preview (no number). */
  draftFooter: string;
  /** "page {{page}} / {{count}}", filled by the renderer. */
  pageTemplate: string;
  /** "PROJET", or "PROJET / DRAFT" in the bilingual model. */
  watermark: string;
  /** Lines under the title (academic year, language model, avenants included). */
  subtitles: TLocalized[];
  /** Heading of the signatures. */
  signaturesTitle: TLocalized;
  /** "Date :" and "Signature" of each box. */
  signatureDate: TLocalized;
  signatureLabel: TLocalized;
};

/** Everything a convention PDF shows. */
export interface TConventionPdfModel {
  langue: TPdfLangue;
  bilingual: boolean;
  /** Null only for a convention never submitted; a draft preview never prints it. */
  numero: number | null;
  institution: TPdfInstitution;
  chrome: TPdfChrome;
  /** The parties (institution, host, student), then the articles of D124-4 and the closing ones. */
  sections: TPdfSection[];
  /** Clauses just above the signatures (number of copies, language that prevails). */
  closing: TLocalized[];
  signatures: TSignatureBlock[];
  /** PDF metadata: creation date and title, so that the same model gives the same bytes. */
  createdAt: Date;
  documentTitle: string;
}

/** Everything an avenant PDF shows. */
export interface TAvenantPdfModel {
  bilingual: boolean;
  conventionNumero: number;
  avenantNumero: number;
  institution: TPdfInstitution;
  chrome: TPdfChrome;
  /** The convention concerned, the motives, each change (old → new), the comment. */
  sections: TPdfSection[];
  closing: TLocalized[];
  signatures: TSignatureBlock[];
  createdAt: Date;
  documentTitle: string;
}
