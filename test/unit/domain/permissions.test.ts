import { describe, expect, it } from "vitest";
import type { TConventionState, TValidationStep } from "../../../src/domain/convention.ts";
import { ACTIONS, authorize, type TAction, type TActor, type TConventionSubject } from "../../../src/domain/permissions.ts";

const CENTRE = 10;
const OWNER = 1;
const REFERENT = 2;

const ACTORS = {
  owner: { personId: OWNER, studentId: OWNER, staffCentreIds: [], isAdmin: false },
  otherStudent: { personId: 3, studentId: 3, staffCentreIds: [], isAdmin: false },
  referent: { personId: REFERENT, teacherId: REFERENT, staffCentreIds: [], isAdmin: false },
  otherTeacher: { personId: 4, teacherId: 4, staffCentreIds: [], isAdmin: false },
  gestionnaire: { personId: 5, staffCentreIds: [CENTRE], isAdmin: false },
  otherGestionnaire: { personId: 6, staffCentreIds: [CENTRE + 1], isAdmin: false },
  admin: { personId: 7, staffCentreIds: [], isAdmin: true },
} satisfies Record<string, TActor>;

type TActorName = keyof typeof ACTORS;

function subject(state: TConventionState, overrides: Partial<TConventionSubject> = {}): TConventionSubject {
  const validated: TValidationStep[] = state === "VALIDATED" ? ["PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"] : [];
  return {
    studentId: OWNER,
    enseignantId: REFERENT,
    centreId: CENTRE,
    state,
    validatedStepsThisRound: validated,
    currentStep: state === "SUBMITTED" ? "PEDAGOGIQUE" : null,
    studentsMayRequestAvenant: false,
    ...overrides,
  };
}

const ACTION_CASES: [string, TAction][] = ACTIONS.flatMap((kind): [string, TAction][] =>
  kind === "decide"
    ? [
        ["decide PEDAGOGIQUE", { kind, step: "PEDAGOGIQUE" }],
        ["decide VERIFICATION_ADMINISTRATIVE", { kind, step: "VERIFICATION_ADMINISTRATIVE" }],
        ["decide VALIDATION_ADMINISTRATIVE", { kind, step: "VALIDATION_ADMINISTRATIVE" }],
      ]
    : [[kind, { kind }]],
);

const ok = "allowed";
// Expected answer of each role for each action, on a convention in the given state.
// Columns: owner, otherStudent, referent, otherTeacher, gestionnaire, otherGestionnaire, admin.
const MATRIX: Record<string, Record<TConventionState & ("DRAFT" | "SUBMITTED" | "VALIDATED"), string[]>> = {
  view: {
    DRAFT: [ok, "not_owner", "draft_not_shared", "not_referent", ok, "other_centre", ok],
    SUBMITTED: [ok, "not_owner", ok, "not_referent", ok, "other_centre", ok],
    VALIDATED: [ok, "not_owner", ok, "not_referent", ok, "other_centre", ok],
  },
  edit: {
    DRAFT: [ok, "not_owner", "role_not_allowed", "role_not_allowed", "not_editable", "other_centre", "role_not_allowed"],
    SUBMITTED: ["not_editable", "not_owner", "role_not_allowed", "role_not_allowed", ok, "other_centre", "role_not_allowed"],
    VALIDATED: ["not_editable", "not_owner", "role_not_allowed", "role_not_allowed", "not_editable", "other_centre", "role_not_allowed"],
  },
  delete: {
    DRAFT: [ok, "not_owner", "owner_only", "owner_only", "owner_only", "owner_only", "owner_only"],
    SUBMITTED: ["not_deletable", "not_owner", "owner_only", "owner_only", "owner_only", "owner_only", "owner_only"],
    VALIDATED: ["validated_not_deletable", "not_owner", "owner_only", "owner_only", "owner_only", "owner_only", "owner_only"],
  },
  submit: {
    DRAFT: [ok, "not_owner", "owner_only", "owner_only", "owner_only", "owner_only", "owner_only"],
    SUBMITTED: ["not_submittable", "not_owner", "owner_only", "owner_only", "owner_only", "owner_only", "owner_only"],
    VALIDATED: ["not_submittable", "not_owner", "owner_only", "owner_only", "owner_only", "owner_only", "owner_only"],
  },
  "decide PEDAGOGIQUE": sameInEveryState(["referent_only", "referent_only", ok, "not_referent", "referent_only", "referent_only", "referent_only"]),
  "decide VERIFICATION_ADMINISTRATIVE": sameInEveryState(adminStepRow()),
  "decide VALIDATION_ADMINISTRATIVE": sameInEveryState(adminStepRow()),
  unvalidate: sameInEveryState(adminStepRow()),
  request_avenant: {
    DRAFT: ["avenant_not_open_to_students", "not_owner", "role_not_allowed", "role_not_allowed", "not_validated", "other_centre", "role_not_allowed"],
    SUBMITTED: ["avenant_not_open_to_students", "not_owner", "role_not_allowed", "role_not_allowed", "not_validated", "other_centre", "role_not_allowed"],
    VALIDATED: ["avenant_not_open_to_students", "not_owner", "role_not_allowed", "role_not_allowed", ok, "other_centre", "role_not_allowed"],
  },
  decide_avenant: {
    DRAFT: ["gestionnaire_only", "gestionnaire_only", "gestionnaire_only", "gestionnaire_only", "not_validated", "other_centre", "gestionnaire_only"],
    SUBMITTED: ["gestionnaire_only", "gestionnaire_only", "gestionnaire_only", "gestionnaire_only", "not_validated", "other_centre", "gestionnaire_only"],
    VALIDATED: ["gestionnaire_only", "gestionnaire_only", "gestionnaire_only", "gestionnaire_only", ok, "other_centre", "gestionnaire_only"],
  },
  view_history: sameInEveryState(["role_not_allowed", "role_not_allowed", "role_not_allowed", "role_not_allowed", ok, "other_centre", ok]),
  configure: sameInEveryState(["admin_only", "admin_only", "admin_only", "admin_only", "admin_only", "admin_only", ok]),
  operate: sameInEveryState(["admin_only", "admin_only", "admin_only", "admin_only", "admin_only", "admin_only", ok]),
  import: sameInEveryState(["admin_only", "admin_only", "admin_only", "admin_only", "admin_only", "admin_only", ok]),
};

function adminStepRow(): string[] {
  return ["gestionnaire_only", "gestionnaire_only", "gestionnaire_only", "gestionnaire_only", ok, "other_centre", "gestionnaire_only"];
}

function sameInEveryState(row: string[]) {
  return { DRAFT: row, SUBMITTED: row, VALIDATED: row };
}

const ACTOR_NAMES = Object.keys(ACTORS) as TActorName[];
const CASES = ACTION_CASES.flatMap(([label, action]) =>
  (["DRAFT", "SUBMITTED", "VALIDATED"] as const).flatMap((state) =>
    ACTOR_NAMES.map((actor, column) => ({ label, action, state, actor, expected: MATRIX[label]?.[state][column] })),
  ),
);

describe("permission matrix: every role against every action", () => {
  it("covers every action", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ACTION_CASES.map(([label]) => label).sort());
  });

  it.each(CASES)("$actor / $label / $state → $expected", ({ action, state, actor, expected }) => {
    const result = authorize(ACTORS[actor], action, subject(state));
    expect(result).toEqual(expected === ok ? { allowed: true } : { allowed: false, code: expected });
  });
});

describe("permission details", () => {
  it("a student edits again a returned convention, and can delete it", () => {
    expect(authorize(ACTORS.owner, { kind: "edit" }, subject("RETURNED"))).toEqual({ allowed: true });
    expect(authorize(ACTORS.owner, { kind: "delete" }, subject("RETURNED"))).toEqual({ allowed: true });
  });

  it("a gestionnaire can no longer edit once the administrative validation is given", () => {
    const adminValidated = subject("SUBMITTED", { validatedStepsThisRound: ["VALIDATION_ADMINISTRATIVE"], currentStep: "PEDAGOGIQUE" });
    expect(authorize(ACTORS.gestionnaire, { kind: "edit" }, adminValidated)).toEqual({ allowed: false, code: "not_editable" });
  });

  it("a student requests an avenant when the centre allows it", () => {
    const open = subject("VALIDATED", { studentsMayRequestAvenant: true });
    expect(authorize(ACTORS.owner, { kind: "request_avenant" }, open)).toEqual({ allowed: true });
    expect(authorize(ACTORS.owner, { kind: "request_avenant" }, { ...open, state: "SUBMITTED" })).toEqual({ allowed: false, code: "not_validated" });
  });

  it("a draft belongs to no centre: no gestionnaire matches it", () => {
    expect(authorize(ACTORS.gestionnaire, { kind: "view" }, subject("DRAFT", { centreId: null }))).toEqual({ allowed: false, code: "other_centre" });
  });

  it("a convention without référent has no référent", () => {
    const noReferent = subject("SUBMITTED", { enseignantId: null });
    expect(authorize(ACTORS.referent, { kind: "decide", step: "PEDAGOGIQUE" }, noReferent)).toEqual({ allowed: false, code: "not_referent" });
  });

  it("a person holding several roles gets the rights of each", () => {
    const teacherAndGestionnaire: TActor = { personId: REFERENT, teacherId: REFERENT, staffCentreIds: [CENTRE], isAdmin: false };
    expect(authorize(teacherAndGestionnaire, { kind: "decide", step: "PEDAGOGIQUE" }, subject("SUBMITTED"))).toEqual({ allowed: true });
    expect(authorize(teacherAndGestionnaire, { kind: "unvalidate" }, subject("VALIDATED"))).toEqual({ allowed: true });
  });

  it("a convention action without a convention is refused", () => {
    expect(authorize(ACTORS.admin, { kind: "view" })).toEqual({ allowed: false, code: "subject_required" });
  });

  it("a person with no role at all is refused", () => {
    const nobody: TActor = { personId: 99, staffCentreIds: [], isAdmin: false };
    expect(authorize(nobody, { kind: "view" }, subject("SUBMITTED"))).toEqual({ allowed: false, code: "role_not_allowed" });
  });
});
