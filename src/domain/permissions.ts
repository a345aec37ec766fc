import type { TConventionState, TValidationStep } from "./convention.ts";
import { deletionRefusal, editRights } from "./workflow.ts";

// The permission matrix of DESIGN ("People and roles", "Lifecycle"), checked in the core for
// every action: a card's buttons are a convenience, never the check.

/** Every action the core authorises. */
export const ACTIONS = [
  "view",
  "edit",
  "delete",
  "submit",
  "decide",
  "unvalidate",
  "request_avenant",
  "decide_avenant",
  "view_history",
  "configure",
  "import",
  /** Running the service: the outbox's dead letters, a person's data export (issue 18). */
  "operate",
] as const;

/** An action's name. */
export type TActionKind = (typeof ACTIONS)[number];

/** An action; deciding names the step decided. */
export type TAction = { kind: Exclude<TActionKind, "decide"> } | { kind: "decide"; step: TValidationStep };

/** Every code a permission refusal can carry; each has a message in locales/<lang>/domain.json (permission.<code>). */
export const PERMISSION_CODES = [
  "not_owner",
  "not_referent",
  "other_centre",
  "owner_only",
  "referent_only",
  "gestionnaire_only",
  "admin_only",
  "role_not_allowed",
  "not_editable",
  "not_deletable",
  "validated_not_deletable",
  "not_submittable",
  "draft_not_shared",
  "not_validated",
  "avenant_not_open_to_students",
  "subject_required",
] as const;

/** A stable, translatable permission refusal code. */
export type TPermissionCode = (typeof PERMISSION_CODES)[number];

/** Who acts: a person of the directory with the roles the directory gives them. */
export type TActor = {
  personId: number;
  studentId?: number;
  teacherId?: number;
  staffCentreIds: readonly number[];
  isAdmin: boolean;
};

/** Whether validations may wait for this person: a référent, a gestionnaire or an admin. */
export function decidesValidations(actor: TActor): boolean {
  return actor.teacherId !== undefined || actor.staffCentreIds.length > 0 || actor.isAdmin;
}

/** The facts of a convention that permissions depend on. */
export type TConventionSubject = {
  studentId: number;
  enseignantId: number | null;
  /** Set at submission: a draft belongs to no centre yet. */
  centreId: number | null;
  state: TConventionState;
  validatedStepsThisRound: readonly TValidationStep[];
  currentStep: TValidationStep | null;
  /** Option of the convention's centre. */
  studentsMayRequestAvenant: boolean;
};

/** The answer: allowed, or refused with a stable code. */
export type TAuthorization = { allowed: true } | { allowed: false; code: TPermissionCode };

type TRole = "owner" | "referent" | "gestionnaire" | "admin";
type TGrant = { role: TRole; when?: (subject: TConventionSubject) => TPermissionCode | null };

const ALLOWED: TAuthorization = { allowed: true };
const deny = (code: TPermissionCode): TAuthorization => ({ allowed: false, code });

const facts = (s: TConventionSubject) => ({ state: s.state, validatedSteps: s.validatedStepsThisRound });
const onlyValidated = (s: TConventionSubject): TPermissionCode | null => (s.state === "VALIDATED" ? null : "not_validated");

// A validated convention says how to get it deleted (un-validation first); anything else is just not deletable.
function deletionPermission(s: TConventionSubject): TPermissionCode | null {
  const refusal = deletionRefusal(facts(s));
  if (refusal === null) return null;
  return refusal === "validated_not_deletable" ? "validated_not_deletable" : "not_deletable";
}

function grantsFor(action: TAction): TGrant[] {
  switch (action.kind) {
    case "view":
      // The référent sees a convention once it is submitted to them, not the student's draft.
      return [
        { role: "owner" },
        { role: "gestionnaire" },
        { role: "admin" },
        { role: "referent", when: (s) => (s.state === "DRAFT" ? "draft_not_shared" : null) },
      ];
    case "edit":
      return [
        { role: "owner", when: (s) => (editRights(facts(s)).student ? null : "not_editable") },
        { role: "gestionnaire", when: (s) => (editRights(facts(s)).gestionnaire ? null : "not_editable") },
      ];
    case "delete":
      return [{ role: "owner", when: deletionPermission }];
    case "submit":
      // Only a draft or a returned convention goes (back) into validation: an old card's button is answered, not applied.
      return [{ role: "owner", when: (s) => (s.state === "DRAFT" || s.state === "RETURNED" ? null : "not_submittable") }];
    case "decide":
      return [{ role: action.step === "PEDAGOGIQUE" ? "referent" : "gestionnaire" }];
    case "unvalidate":
      return [{ role: "gestionnaire" }];
    case "request_avenant":
      return [
        { role: "gestionnaire", when: onlyValidated },
        {
          role: "owner",
          when: (s) => (s.studentsMayRequestAvenant ? onlyValidated(s) : "avenant_not_open_to_students"),
        },
      ];
    case "decide_avenant":
      return [{ role: "gestionnaire", when: onlyValidated }];
    case "view_history":
      // The audit trail (before/after of every change) is a staff tool; students follow decisions in their thread.
      return [{ role: "gestionnaire" }, { role: "admin" }];
    case "configure":
    case "import":
    case "operate":
      return [{ role: "admin" }];
  }
}

function rolesOf(actor: TActor, subject: TConventionSubject): Record<TRole, boolean> {
  return {
    owner: actor.studentId !== undefined && actor.studentId === subject.studentId,
    referent: actor.teacherId !== undefined && actor.teacherId === subject.enseignantId,
    gestionnaire: subject.centreId !== null && actor.staffCentreIds.includes(subject.centreId),
    admin: actor.isAdmin,
  };
}

const ONLY_CODE: Record<TRole, TPermissionCode> = {
  owner: "owner_only",
  referent: "referent_only",
  gestionnaire: "gestionnaire_only",
  admin: "admin_only",
};

// Names the refusal after what the actor is: a gestionnaire of another centre is told so,
// rather than a generic "not allowed".
function roleRefusal(actor: TActor, roles: Record<TRole, boolean>, granted: readonly TRole[]): TPermissionCode {
  if (granted.includes("gestionnaire") && actor.staffCentreIds.length > 0 && !roles.gestionnaire) return "other_centre";
  if (granted.includes("referent") && actor.teacherId !== undefined && !roles.referent) return "not_referent";
  if (granted.includes("owner") && actor.studentId !== undefined && !roles.owner) return "not_owner";
  const [only] = granted;
  return granted.length === 1 && only !== undefined ? ONLY_CODE[only] : "role_not_allowed";
}

/** Whether `actor` may do `action` on the convention `subject` (none for configure, import and operate). */
export function authorize(actor: TActor, action: TAction, subject?: TConventionSubject): TAuthorization {
  if (action.kind === "configure" || action.kind === "import" || action.kind === "operate") return actor.isAdmin ? ALLOWED : deny("admin_only");
  if (subject === undefined) return deny("subject_required");
  const grants = grantsFor(action);
  const roles = rolesOf(actor, subject);
  let stateRefusal: TPermissionCode | null = null;
  for (const grant of grants) {
    if (!roles[grant.role]) continue;
    const refusal = grant.when?.(subject) ?? null;
    if (refusal === null) return ALLOWED;
    stateRefusal ??= refusal;
  }
  if (stateRefusal !== null) return deny(stateRefusal);
  return deny(
    roleRefusal(
      actor,
      roles,
      grants.map((grant) => grant.role),
    ),
  );
}
