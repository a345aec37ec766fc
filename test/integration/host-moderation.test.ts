import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEtablissementProposal } from "../../src/app/hosts/apply-etablissement-proposal.ts";
import { listEtablissementProposals, rejectEtablissementProposal } from "../../src/app/hosts/moderate-etablissement-proposals.ts";
import { proposeEtablissementChange } from "../../src/app/hosts/propose-etablissement-change.ts";
import { renderNotification } from "../../src/app/notifications/render-notification.ts";
import { ZNotificationPayload } from "../../src/app/notifications/notification.ts";
import type { TConversationDeps } from "../../src/app/ports/conversation-deps.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { countEtablissementProposalsWaiting } from "../../src/db/host-moderation.ts";
import { loadActorByEmail } from "../../src/db/load-actor.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import type { TActor } from "../../src/domain/permissions.ts";
import { createTestDatabase } from "../support/test-database.ts";

describe("moderation of établissement proposals (real PostgreSQL)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let deps: TConversationDeps;
  let student: TActor;
  let gestionnaire: TActor;
  /** Gestionnaire of another centre (psychologie): Inès studies sciences. */
  let otherCentre: TActor;
  let hostId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    deps = createConversationDeps(database.prisma);
    student = await loadActorByEmail(database.prisma, "ines.haddad@etu.univ-demo.fr");
    gestionnaire = await loadActorByEmail(database.prisma, "karim.mansouri@univ-demo.fr");
    otherCentre = await loadActorByEmail(database.prisma, "isabelle.garcia@univ-demo.fr");
    hostId = (await database.prisma.etablissement.findFirstOrThrow({ where: { raisonSociale: "Calanques Numériques" } })).id;
  });

  afterAll(async () => {
    await database?.drop();
  });

  const outboxOf = async (proposalId: number) =>
    (await database.prisma.outboxMessage.findMany({ where: { kind: "etablissement_proposal_decided" } })).filter(
      (row) => (row.payload as { proposalId: number }).proposalId === proposalId,
    );

  it("lists pending proposals for the gestionnaires of the proposer's centre; refuses a student", async () => {
    const { proposalId } = await proposeEtablissementChange(deps, student, hostId, { phone: "04 91 11 22 33" });
    const list = await listEtablissementProposals(deps, gestionnaire);
    expect(list).toContainEqual(
      expect.objectContaining({
        id: proposalId,
        etablissementId: hostId,
        proposerName: "Inès Haddad",
        changes: { phone: expect.objectContaining({ after: "04 91 11 22 33" }) },
      }),
    );
    await expect(listEtablissementProposals(deps, student)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const centreId = gestionnaire.staffCentreIds[0] ?? 0;
    expect((await countEtablissementProposalsWaiting(database.prisma, centreId)).count).toBeGreaterThanOrEqual(1);
    expect((await listEtablissementProposals(deps, otherCentre)).map((item) => item.id)).not.toContain(proposalId);
  });

  it("rejects with a reason: the proposal is REJECTED, audited, and the proposer told with the reason", async () => {
    const { proposalId } = await proposeEtablissementChange(deps, student, hostId, { email: "contact@calanques.example" });
    await expect(rejectEtablissementProposal(deps, gestionnaire, proposalId, "  ")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: { errors: [{ field: "reason", code: "required" }] },
    });
    await expect(rejectEtablissementProposal(deps, student, proposalId, "non")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await rejectEtablissementProposal(deps, gestionnaire, proposalId, "Adresse générique, demandez celle du service RH.");
    const row = await database.prisma.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row).toMatchObject({ status: "REJECTED", decidedById: gestionnaire.personId, rejectionReason: "Adresse générique, demandez celle du service RH." });
    expect((await database.prisma.etablissement.findUniqueOrThrow({ where: { id: hostId } })).email).not.toBe("contact@calanques.example");
    expect(await database.prisma.auditEvent.count({ where: { action: "etablissement.proposal_rejected", entityId: hostId } })).toBe(1);
    const [message] = await outboxOf(proposalId);
    expect(message).toMatchObject({ recipientId: student.personId, status: "PENDING" });
    const payload = ZNotificationPayload.parse(message?.payload);
    const effects = await renderNotification(deps, student.personId, payload);
    expect(JSON.stringify(effects)).toContain("Adresse générique, demandez celle du service RH.");
    await expect(rejectEtablissementProposal(deps, gestionnaire, proposalId, "encore")).rejects.toMatchObject({
      code: "CONFLICT",
      details: { kind: "proposal_decided", taken: { decision: "REJECTED" } },
    });
    expect((await listEtablissementProposals(deps, gestionnaire)).map((item) => item.id)).not.toContain(proposalId);
  });

  it("applies: the établissement changes and the proposer is told", async () => {
    const { proposalId } = await proposeEtablissementChange(deps, student, hostId, { website: "https://calanques.example" });
    await applyEtablissementProposal(deps, gestionnaire, proposalId);
    expect((await database.prisma.etablissement.findUniqueOrThrow({ where: { id: hostId } })).website).toBe("https://calanques.example");
    const [message] = await outboxOf(proposalId);
    expect(message?.payload).toMatchObject({ decision: "APPLIED", reason: null, deciderId: gestionnaire.personId });
    await expect(rejectEtablissementProposal(deps, gestionnaire, proposalId, "trop tard")).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
