// A person's data on request (RGPD art. 15, right of access), as JSON: everything Stagebot holds
// about them, and only ids of the other people it mentions (a tuteur, a gestionnaire), whose own
// data is theirs to ask for. PDF contents are listed (name, date, SHA-256), not copied: a
// convention's PDF carries the host's, the tuteur's and the signataire's data too.
import type { TPersonalData, TPersonalDataExport } from "../app/ports/operations.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Plain JSON of what Prisma returns: bigints and decimals as strings, dates as ISO 8601, bytes left out. */
function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === "bigint") return item.toString();
      if (item instanceof Uint8Array) return undefined;
      return item;
    }),
  );
}

const documentFields = { id: true, kind: true, filename: true, sha256: true, createdAt: true, avenantId: true } as const;

/** What `prisma` holds about the person with `email`, or null when nobody has it. */
export async function exportPersonalData(prisma: PrismaClient, email: string, now: Date): Promise<TPersonalDataExport | null> {
  const normalized = email.trim().toLowerCase();
  const person = await prisma.person.findUnique({
    where: { email: normalized },
    include: {
      student: { include: { inscriptions: true } },
      teacher: true,
      staff: { include: { centres: { select: { centreId: true } } } },
      chatIdentities: { select: { platform: true, platformUserId: true, teamId: true, createdAt: true, lastSeenAt: true } },
    },
  });
  // A tuteur or signataire is a contact of a host, not a person of the directory.
  const contacts = await prisma.contact.findMany({
    where: { email: { equals: normalized, mode: "insensitive" } },
    include: { tutored: { select: { id: true, numero: true } }, signed: { select: { id: true, numero: true } } },
  });
  if (person === null && contacts.length === 0) return null;
  const personId = person?.id ?? -1;
  const [conventions, asReferent, decisions, avenantDecisions, avenantsRequested, actions, notifications, postedMessages] = await Promise.all([
    prisma.convention.findMany({
      where: { studentId: personId },
      orderBy: { id: "asc" },
      include: {
        interruptions: true,
        irregularPeriods: true,
        decisions: true,
        avenants: { include: { decisions: true } },
        documents: { select: documentFields },
        auditEvents: { orderBy: { id: "asc" } },
      },
    }),
    prisma.convention.findMany({ where: { enseignantId: personId }, select: { id: true, numero: true, state: true }, orderBy: { id: "asc" } }),
    prisma.validationDecision.findMany({ where: { deciderId: personId }, orderBy: { id: "asc" } }),
    prisma.avenantDecision.findMany({ where: { deciderId: personId }, orderBy: { id: "asc" } }),
    prisma.avenant.findMany({ where: { requestedById: personId }, select: { id: true, conventionId: true, numero: true, status: true, createdAt: true } }),
    prisma.auditEvent.findMany({ where: { actorId: personId }, orderBy: { id: "asc" } }),
    prisma.outboxMessage.findMany({
      where: { recipientId: personId },
      select: { id: true, kind: true, conventionId: true, status: true, createdAt: true, sentAt: true, payload: true },
      orderBy: { id: "asc" },
    }),
    prisma.postedMessage.findMany({
      where: { recipientId: personId },
      select: { platform: true, channelId: true, messageId: true, kind: true, threadId: true, createdAt: true },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    email: normalized,
    exportedAt: now.toISOString(),
    person: plain(person),
    contacts: plain(contacts),
    conventions: plain(conventions),
    asReferent: plain(asReferent),
    decisions: plain(decisions),
    avenantDecisions: plain(avenantDecisions),
    avenantsRequested: plain(avenantsRequested),
    actions: plain(actions),
    notifications: plain(notifications),
    postedMessages: plain(postedMessages),
  };
}

/** Records in the audit trail that the data of `exported`'s person was exported (by an operator: no actor). */
export async function recordPersonalDataExport(prisma: PrismaClient, exported: TPersonalDataExport, now: Date): Promise<void> {
  const person = exported.person as { id?: number } | null;
  await prisma.auditEvent.create({
    data: {
      entityType: "person",
      entityId: person?.id ?? 0,
      action: "personal_data.exported",
      actorId: null,
      after: { email: exported.email },
      occurredAt: now,
    },
  });
}

/** The personal-data port on `prisma`. */
export function createPersonalData(prisma: PrismaClient): TPersonalData {
  return { exportFor: (email, now) => exportPersonalData(prisma, email, now) };
}
