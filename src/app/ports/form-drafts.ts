import type { TSectionId } from "../../domain/sections/index.ts";

/** What a person typed in a section's form and closed without saving. */
export type TFormDraft = { answers: Record<string, unknown>; updatedAt: Date };

/** The unsaved answers of section forms, one per person, convention and section. */
export interface TFormDrafts {
  get(personId: number, conventionId: number, section: TSectionId): Promise<TFormDraft | null>;
  /** Keeps (or replaces) the typed answers. */
  keep(personId: number, conventionId: number, section: TSectionId, answers: Record<string, unknown>): Promise<void>;
  discard(personId: number, conventionId: number, section: TSectionId): Promise<void>;
}
