// What the host directory use-cases (établissements, services, contacts, enseignants, CPAM)
// need from storage. src/db/host-directory.ts implements it with Prisma; searches return
// candidates and the use-cases rank them, so the ranking is the same on every store.

/** The closed lists a host's codes are checked against (NAF and PAYS have tables of their own). */
export type THostReferenceList = "TYPE_STRUCTURE" | "STATUT_JURIDIQUE" | "EFFECTIF" | "NAF" | "PAYS";

/** The fields of an établissement a person types (validated by parseEtablissementInput). */
export interface TEtablissementFields {
  raisonSociale: string;
  /** 14 digits, no spaces. */
  siret: string | null;
  typeStructureCode: string | null;
  statutJuridiqueCode: string | null;
  effectifCode: string | null;
  /** "62.01Z". */
  nafCode: string | null;
  activite: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  countryIso2: string;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** The names of the typed fields of an établissement, in form order. */
export const ETABLISSEMENT_FIELDS = [
  "raisonSociale",
  "siret",
  "typeStructureCode",
  "statutJuridiqueCode",
  "effectifCode",
  "nafCode",
  "activite",
  "addressLine",
  "postalCode",
  "city",
  "countryIso2",
  "phone",
  "email",
  "website",
] as const satisfies readonly (keyof TEtablissementFields)[];

/** A stored établissement. */
export interface TEtablissementRecord extends TEtablissementFields {
  id: number;
  normalizedName: string;
  verified: boolean;
  /** The country's French name, for hosts abroad; null in France. */
  countryLabel: string | null;
  updatedAt: Date;
}

/** What an établissement search looks for; any part may be empty. */
export interface TEtablissementQuery {
  /** normalizeName of the text. */
  name: string;
  /** The words of `name`: a candidate contains each of them. */
  words: readonly string[];
  /** At least 3 digits: SIRETs starting with them. */
  siretPrefix: string | null;
  limit: number;
}

/** A field changed by a proposal: its value before and the value proposed. */
export type TFieldChange = { before: string | null; after: string | null };

/** Proposed changes of an établissement, by field. */
export type TEtablissementChanges = Partial<Record<keyof TEtablissementFields, TFieldChange>>;

/** A stored proposal of changes to a shared établissement. */
export interface TEtablissementProposalRecord {
  id: number;
  etablissementId: number;
  proposedById: number;
  status: "PENDING" | "APPLIED" | "REJECTED";
  changes: TEtablissementChanges;
  /** Who applied or rejected it, and when; null while PENDING. */
  decision: { deciderId: number; deciderName: string; decidedAt: Date } | null;
}

/** A proposal waiting for a gestionnaire, as a list shows it. */
export interface TPendingProposal {
  id: number;
  etablissementId: number;
  etablissementLabel: string;
  proposedById: number;
  proposerName: string;
  changes: TEtablissementChanges;
  createdAt: Date;
}

/** Whose proposals a list shows: every one (an administrator), or those concerning some centres de gestion. */
export type TProposalScope = { kind: "all" } | { kind: "centres"; centreIds: readonly number[] };

/** The typed fields of a service d'accueil. */
export interface TServiceFields {
  name: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  countryIso2: string | null;
  phone: string | null;
}

/** A stored service d'accueil. */
export interface TServiceRecord extends TServiceFields {
  id: number;
  etablissementId: number;
}

/** The typed fields of a contact (tuteur or signataire). */
export interface TContactFields {
  serviceId: number | null;
  civilite: string | null;
  lastName: string;
  firstName: string;
  fonction: string | null;
  phone: string | null;
  email: string | null;
}

/** A stored contact, with its service's name. */
export interface TContactRecord extends TContactFields {
  id: number;
  etablissementId: number;
  serviceName: string | null;
}

/** A teacher of the directory (enseignant référent). */
export interface TTeacherRecord {
  personId: number;
  lastName: string;
  firstName: string;
  email: string;
  department: string | null;
}

/** A caisse primaire d'assurance maladie (or CGSS, CSSM). */
export interface TCpamRecord {
  id: number;
  code: string;
  departement: string;
  departementLabel: string;
  region: string;
  label: string;
  postalCode: string;
  city: string;
}

/** Storage of the shared host directory. Every creation is audited with `actorId`. */
export interface THostDirectory {
  /** Candidates of a search, in no particular order (at most a few times `limit`). */
  searchEtablissements(query: TEtablissementQuery): Promise<TEtablissementRecord[]>;
  /** The établissements created or changed most recently. */
  recentEtablissements(limit: number): Promise<TEtablissementRecord[]>;
  getEtablissement(id: number): Promise<TEtablissementRecord | null>;
  findEtablissementBySiret(siret: string): Promise<TEtablissementRecord | null>;
  findEtablissementsByNormalizedName(normalizedName: string): Promise<TEtablissementRecord[]>;
  /** Throws AppError CONFLICT siret_taken when another établissement has the SIRET. */
  createEtablissement(fields: TEtablissementFields, normalizedName: string, actorId: number): Promise<TEtablissementRecord>;
  createEtablissementProposal(etablissementId: number, changes: TEtablissementChanges, actorId: number): Promise<{ id: number }>;
  getEtablissementProposal(id: number): Promise<TEtablissementProposalRecord | null>;
  /**
   * Writes the proposal's values, marks it APPLIED, atomically; throws AppError CONFLICT
   * proposal_decided when it is no longer PENDING, siret_taken when the SIRET is taken.
   */
  applyEtablissementProposal(
    proposalId: number,
    fields: Partial<TEtablissementFields>,
    normalizedName: string | null,
    actorId: number,
  ): Promise<TEtablissementRecord>;
  /**
   * Pending proposals, oldest first. A proposal concerns a centre when its proposer is enrolled
   * in one of the centre's formations or one of the centre's conventions has that établissement.
   */
  listPendingProposals(scope: TProposalScope): Promise<TPendingProposal[]>;
  /** Marks the proposal REJECTED with its reason, atomically; throws AppError CONFLICT proposal_decided when no longer PENDING. */
  rejectEtablissementProposal(proposalId: number, reason: string, actorId: number): Promise<void>;
  /** Every service of the établissement (a host has few), by name. */
  listServices(etablissementId: number): Promise<TServiceRecord[]>;
  getService(id: number): Promise<TServiceRecord | null>;
  createService(etablissementId: number, fields: TServiceFields, actorId: number): Promise<TServiceRecord>;
  /** Contacts of the établissement whose names (or fonction) contain every word, accents ignored. */
  searchContacts(etablissementId: number, words: readonly string[], limit: number): Promise<TContactRecord[]>;
  createContact(etablissementId: number, fields: TContactFields, actorId: number): Promise<TContactRecord>;
  /** Teachers whose "lastName firstName" contains every word, accents ignored. */
  searchTeachers(words: readonly string[], limit: number): Promise<TTeacherRecord[]>;
  /** Every active caisse (about a hundred). */
  listCpam(): Promise<TCpamRecord[]>;
  /** Every sous-classe of the NAF rév. 2 (732), by code. */
  listNafCodes(): Promise<TNafRecord[]>;
  /** True when `code` is an active code of `list`. */
  hasReferenceCode(list: THostReferenceList, code: string): Promise<boolean>;
}

/** A sous-classe of the NAF rév. 2: "86.90F" and its INSEE label. */
export type TNafRecord = { code: string; label: string };

/** The dependencies of the host use-cases. */
export type THostDeps = { hosts: THostDirectory };
