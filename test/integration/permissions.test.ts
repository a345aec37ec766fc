import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TPermissionCode } from "../../src/domain/permissions.ts";
import { translate } from "../../src/i18n/translate.ts";
import { cardText, conversationDriver } from "../support/conversation-driver.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Every role against every action on a submitted DEMO-PSY convention waiting for the référent.
const ROLES = {
  owner: "lea.martin@etu.univ-demo.fr",
  otherStudent: "hugo.bernard@etu.univ-demo.fr",
  referent: "sophie.lambert@univ-demo.fr",
  otherTeacher: "antoine.girard@univ-demo.fr",
  gestionnaire: "isabelle.garcia@univ-demo.fr",
  otherCentre: "karim.mansouri@univ-demo.fr",
  admin: "thomas.petit@univ-demo.fr",
} as const;
type TRole = keyof typeof ROLES;

const ACTIONS = ["view", "edit", "delete", "decide_pedagogique", "history", "unvalidate"] as const;
type TAction = (typeof ACTIONS)[number];

/**
 * Allowed, the permission code whose message the person must read, or "hidden": someone who may
 * not see the convention reads what a missing one gets, in the main conversation (issue 14, item 14).
 */
const EXPECTED: Record<TRole, Record<TAction, "allowed" | "hidden" | TPermissionCode>> = {
  owner: {
    view: "allowed",
    edit: "not_editable",
    delete: "not_deletable",
    decide_pedagogique: "referent_only",
    history: "role_not_allowed",
    unvalidate: "gestionnaire_only",
  },
  otherStudent: {
    view: "hidden",
    edit: "hidden",
    delete: "hidden",
    decide_pedagogique: "hidden",
    history: "hidden",
    unvalidate: "hidden",
  },
  referent: {
    view: "allowed",
    edit: "role_not_allowed",
    delete: "owner_only",
    decide_pedagogique: "allowed",
    history: "role_not_allowed",
    unvalidate: "gestionnaire_only",
  },
  otherTeacher: {
    view: "hidden",
    edit: "hidden",
    delete: "hidden",
    decide_pedagogique: "hidden",
    history: "hidden",
    unvalidate: "hidden",
  },
  gestionnaire: {
    view: "allowed",
    edit: "allowed",
    delete: "owner_only",
    decide_pedagogique: "referent_only",
    history: "allowed",
    unvalidate: "not_validated",
  },
  otherCentre: {
    view: "hidden",
    edit: "hidden",
    delete: "hidden",
    decide_pedagogique: "hidden",
    history: "hidden",
    unvalidate: "hidden",
  },
  admin: {
    view: "allowed",
    edit: "role_not_allowed",
    delete: "owner_only",
    decide_pedagogique: "referent_only",
    history: "allowed",
    unvalidate: "gestionnaire_only",
  },
};

describe("permission table, enforced by the core", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let conventionId: number;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation());
    conventionId = await fillConvention(conversation, ROLES.owner, {
      formation: "3M127C",
      element: "3427BS07",
      host: "hopitaux de marseille",
      service: "psychiatrie",
      tuteur: "psychologue",
      signataire: "directeur",
      enseignant: "lambert",
      dates: { dateDebut: "2027-01-11", dateFin: "2027-02-26" },
    });
    await submitFromRecap(conversation, ROLES.owner, conventionId);
  });

  afterAll(async () => {
    await database.drop();
  });

  async function attempt(role: TRole, action: TAction) {
    const person = conversationDriver(conversation, ROLES[role]);
    const { version, round } = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    switch (action) {
      case "view":
        return person.act("open_convention", { conventionId });
      case "edit":
        return person.act("save_section", { conventionId, version, section: "stage", modaliteSuivi: "Visite sur place et point téléphonique mensuel." });
      case "delete":
        return person.act("delete_convention", { conventionId });
      case "decide_pedagogique":
        return person.act("open_refuse", { conventionId, round, step: "PEDAGOGIQUE" });
      case "history":
        return person.act("show_history", { conventionId });
      case "unvalidate":
        return person.act("open_unvalidate", { conventionId });
    }
  }

  const cases = (Object.keys(ROLES) as TRole[]).flatMap((role) => ACTIONS.map((action) => [role, action, EXPECTED[role][action]] as const));

  it.each(cases)("%s → %s: %s", async (role, action, expected) => {
    const before = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    const effects = await attempt(role, action);
    const refusal = expected === "hidden" ? translate("fr", "conversation:hidden.title") : translate("fr", `domain:permission.${expected}`);
    const texts = effects.map((effect) => ("card" in effect ? cardText(effect.card) : "")).join("\n");
    if (expected === "allowed") {
      expect(texts).not.toMatch(/pas le droit|n'est pas la vôtre|autre centre/);
      expect(effects.length).toBeGreaterThan(0);
    } else {
      expect(effects.map((effect) => effect.kind)).toEqual(["post"]);
      // Hidden: answered in the main conversation, no thread for a convention they may not see.
      if (expected === "hidden") expect(effects[0]).toMatchObject({ conventionId: null });
      expect(texts).toContain(refusal);
      // A refused action changes nothing.
      const after = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
      expect(after.version).toBe(before.version);
      expect(after.state).toBe(before.state);
    }
  });
});
