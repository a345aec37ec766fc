import { z } from "zod/v4";
import { dedupeFieldErrors, fieldErrorsFromZod, type TFieldError, type TFieldErrorCode } from "../../domain/sections/field-error.ts";
import { AppError } from "../app-error.ts";
import type { THostDeps, THostReferenceList } from "../ports/hosts.ts";

/** A field whose code must exist in a reference list, and the error code when it does not. */
export type TReferenceCheck = { field: string; list: THostReferenceList; code: TFieldErrorCode };

/** A host form: its schema, the codes checked against the lists, its checks across fields. */
export interface THostForm<TSchema extends z.ZodObject> {
  /** Names the form in the INVALID_INPUT error ("etablissement", "service", "contact"). */
  section: string;
  schema: TSchema;
  references?: readonly TReferenceCheck[];
  /** Given every field that parses alone, so their errors are reported with the others. */
  crossErrors?: (values: Readonly<Record<string, unknown>>) => TFieldError[] | Promise<TFieldError[]>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Each field parsed on its own: a malformed neighbour must not hide a wrong code or postal code.
function fieldwiseValues(schema: z.ZodObject, input: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (!isRecord(input)) return values;
  for (const [field, fieldSchema] of Object.entries(schema.shape)) {
    const parsed = z.safeParse(fieldSchema, input[field]);
    if (parsed.success) values[field] = parsed.data;
  }
  return values;
}

async function referenceErrors(
  deps: THostDeps,
  checks: readonly TReferenceCheck[],
  values: Readonly<Record<string, unknown>>,
  known: readonly TFieldError[],
): Promise<TFieldError[]> {
  const pending = checks.filter(({ field }) => typeof values[field] === "string" && !known.some((error) => error.field === field));
  const exists = await Promise.all(pending.map(({ field, list }) => deps.hosts.hasReferenceCode(list, String(values[field]))));
  return pending.filter((_, index) => !exists[index]).map(({ field, code }) => ({ field, code }));
}

/**
 * Validates an untrusted host form: its schema, its checks across fields and its codes against
 * the reference lists, every error at once. Throws AppError INVALID_INPUT { section } with the
 * field errors; returns the parsed value otherwise.
 */
export async function parseHostInput<TSchema extends z.ZodObject>(deps: THostDeps, form: THostForm<TSchema>, input: unknown): Promise<z.output<TSchema>> {
  const parsed = form.schema.safeParse(input, { reportInput: true });
  const values = fieldwiseValues(form.schema, input);
  const errors = parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues);
  errors.push(...((await form.crossErrors?.(values)) ?? []));
  errors.push(...(await referenceErrors(deps, form.references ?? [], values, errors)));
  if (errors.length > 0 || !parsed.success)
    throw new AppError("INVALID_INPUT", { section: form.section }, { kind: "fields", errors: dedupeFieldErrors(errors) });
  return parsed.data;
}
