// Every port of the core, one file per area: what the use-cases need from the outside world
// (src/db implements them with Prisma, the composition root plugs them in, tests may pass their
// own) and, in conversation.ts, the core as the channels see it. The core never imports Prisma
// or a platform. Import a port from its area's file; this list is for a reader looking for one.
export type * from "./avenants.ts";
export type * from "./clock.ts";
export type * from "./conventions.ts";
export type * from "./conversation.ts";
export type * from "./conversation-deps.ts";
export type * from "./directory.ts";
export * from "./documents.ts";
export * from "./hosts.ts";
export type * from "./outbox-queue.ts";
