import type { TConventionValues } from "../../domain/convention.ts";
import type { TAvenantPdfModel, TConventionPdfModel } from "../../pdf/model.ts";
import type { TClock } from "./clock.ts";
import type { TConventionStore, TFormData, TRulesFactsSource } from "./conventions.ts";
import type { TPersonDirectory } from "./directory.ts";
import type { TInstitutionClauses } from "../documents/institution-clauses.ts";

// What the document use-cases need: the directory records a convention points to, the
// stored documents, and a renderer (src/pdf). src/db/document-store.ts implements the store.

/** A contact of the host (tuteur, signataire) as the PDF prints it. */
export interface TContactFacts {
  civilite: string | null;
  lastName: string;
  firstName: string;
  fonction: string | null;
  phone: string | null;
  email: string | null;
}

/** The directory records of a convention, with the details its PDF prints. */
export interface TConventionParties {
  /** "YYYY-MM-DD", from the directory (the convention does not copy it). */
  birthDate: string | null;
  cpam: { label: string; address: string } | null;
  formation: { code: string; label: string; composante: string | null } | null;
  element: { code: string; label: string } | null;
  centre: { name: string; address: string | null; phone: string | null; email: string | null; signatory: TSignatory | null } | null;
  /** The validations of the current round, in the order they were made (none for a draft). */
  validations: TValidationRecord[];
  etablissement: {
    raisonSociale: string;
    siret: string | null;
    activite: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    country: { fr: string; en: string };
    phone: string | null;
    email: string | null;
  } | null;
  service: { name: string; addressLine: string | null; postalCode: string | null; city: string | null } | null;
  tuteur: TContactFacts | null;
  signataire: TContactFacts | null;
  enseignant: { lastName: string; firstName: string; email: string; department: string | null } | null;
  /** Numbers of the avenants already applied to the convention, in order. */
  avenants: number[];
}

/** An avenant as its PDF prints it. */
export interface TAvenantFacts {
  id: number;
  conventionId: number;
  numero: number;
  status: "DRAFT" | "SUBMITTED" | "VALIDATED" | "REFUSED" | "CANCELLED";
  /** Motives with their labels. */
  motifs: Array<{ code: string; fr: string; en: string }>;
  motifAutre: string | null;
  comment: string | null;
  /** Field → new value. */
  changes: Partial<TConventionValues>;
  /** Field → value before, kept when the avenant was applied. */
  previousValues: Partial<TConventionValues> | null;
  decidedAt: Date | null;
  appliedAt: Date | null;
}

/** A stored PDF (ConventionDocument). */
export interface TStoredDocument {
  id: number;
  conventionId: number;
  avenantId: number | null;
  kind: "CONVENTION" | "AVENANT";
  filename: string;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  content: Uint8Array;
  createdAt: Date;
}

/** Which document: the convention at one version, or one avenant's. */
export type TDocumentKey =
  { kind: "CONVENTION"; conventionId: number; conventionVersion: number } | { kind: "AVENANT"; conventionId: number; avenantId: number };

/** A freshly rendered document, before it is stored. */
export type TNewDocument = { filename: string; content: Uint8Array };

/** Stored documents and the facts their PDFs print. */
export interface TDocumentStore {
  /** The directory records the convention points to. */
  parties(conventionId: number, values: TConventionValues): Promise<TConventionParties>;
  /** Throws AppError NOT_FOUND. */
  avenant(avenantId: number): Promise<TAvenantFacts>;
  /**
   * The document stored for `key`, or the one `generate` makes, stored with its SHA-256 and an
   * audit record. `generate` runs outside any transaction; storing is short and locked per
   * convention, so two concurrent calls store one document (the later one returns the stored
   * one). A convention document notes the last avenant applied.
   */
  findOrCreate(key: TDocumentKey, generate: () => Promise<TNewDocument>): Promise<{ document: TStoredDocument; created: boolean }>;
  /** Throws AppError NOT_FOUND. */
  get(documentId: number): Promise<TStoredDocument>;
}

/** Draws the PDFs (src/pdf/render.ts). */
export interface TPdfRenderer {
  convention(model: TConventionPdfModel, options: { draft?: boolean }): Promise<Uint8Array>;
  avenant(model: TAvenantPdfModel): Promise<Uint8Array>;
}

/** The institution issuing the conventions: its name, logo and standard clauses. */
export interface TInstitution {
  name: string;
  /** PNG or JPEG bytes (UNIVERSITY_LOGO), or none. */
  logo: Uint8Array | null;
  clauses: TInstitutionClauses;
  /** Who signs for the university unless the convention's centre has a delegation (UNIVERSITY_SIGNATORY_NAME / _TITLE). */
  signatory?: TSignatory | null;
  /** The city of « Fait à …, le … » (UNIVERSITY_CITY); none: left blank. */
  city?: string | null;
}

/** A person who signs for the university: name and title ("Président de l'université", "Directrice de l'UFR, par délégation"). */
export type TSignatory = { name: string; title: string | null };

/** One validation of the convention's current round, as the PDF records it. */
export type TValidationRecord = { step: "PEDAGOGIQUE" | "VERIFICATION_ADMINISTRATIVE" | "VALIDATION_ADMINISTRATIVE"; deciderName: string; decidedAt: Date };

/** Everything the document use-cases need. */
export interface TDocumentDeps {
  conventions: Pick<TConventionStore, "get">;
  documents: TDocumentStore;
  formData: Pick<TFormData, "labelsFor">;
  renderer: TPdfRenderer;
  institution: TInstitution;
  clock: TClock;
  /** The gratification rates, for the legal minimum the convention's PDF prints. */
  facts: Pick<TRulesFactsSource, "gratificationRates">;
}

// A download link is a bearer link: whoever holds it opens the document. The audit trail keeps
// every use of one, served or refused, under the document and its convention, with the person
// the link was minted for (the only identity a link carries) and the request that used it.

/** The audit actions of a download link's use. */
export const DOCUMENT_ACCESS_ACTIONS = ["document.downloaded", "document.download_expired", "document.download_refused"] as const;

export type TDocumentAccessAction = (typeof DOCUMENT_ACCESS_ACTIONS)[number];

/** One use of a download link. */
export type TDocumentAccess = {
  action: TDocumentAccessAction;
  documentId: number;
  conventionId: number;
  filename: string;
  /** The person the link was minted for; the one who opened it is whoever held it. */
  linkPersonId: number;
  linkExpiresAt: Date;
  /** The X-Request-Id of the request, when the HTTP app gave one. */
  requestId: string | null;
  at: Date;
};

/** The audit trail of download links (src/db/record-document-access.ts). */
export interface TDocumentAccessLog {
  record(access: TDocumentAccess): Promise<void>;
}

/** What a download through a signed link needs. */
export interface TDocumentDownloadDeps {
  documents: Pick<TDocumentStore, "get">;
  conventions: Pick<TConventionStore, "get">;
  directory: Pick<TPersonDirectory, "byId">;
  accessLog: TDocumentAccessLog;
  clock: TClock;
}
