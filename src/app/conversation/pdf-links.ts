import { z } from "zod/v4";
import type { TNoticeView } from "../../cards/views.ts";
import type { TStoredDocument } from "../ports/documents.ts";
import type { TTurn } from "./context.ts";
import { ZId } from "./inbound-values.ts";

// The PDFs' links are bearer links that live a few minutes (PDF_LINK_TTL_MINUTES). Every
// message that carries one says how long it lasts and carries "Nouveau lien" (see
// link-actions.ts), which mints fresh links for whoever clicks.

/** What "Nouveau lien" sends: the convention and its documents, or no document for its draft preview. */
export const ZNewLinkData = z.object({ conventionId: ZId, documentIds: z.array(ZId).min(1).max(4).optional() });

export type TNewLinkData = z.infer<typeof ZNewLinkData>;

export type TLinkedDocument = Pick<TStoredDocument, "id" | "kind"> & Partial<Pick<TStoredDocument, "avenantId">>;

// Each link names its document: next to an avenant, the convention is the amended one.
function linkTitleKey(document: TLinkedDocument): string {
  if (document.kind === "AVENANT") return "workflow:downloadAvenant";
  return document.avenantId ? "workflow:downloadAmended" : "workflow:downloadPdf";
}

function newLinkAction(data: TNewLinkData): NonNullable<TNoticeView["actions"]>[number] {
  return { titleKey: "conversation:links.newLink", verb: "new_link", data };
}

/** `notice` with one link per document, minted now for the turn's person, how long they last, and "Nouveau lien". */
export function withDocumentLinks(turn: TTurn, conventionId: number, documents: readonly TLinkedDocument[], notice: TNoticeView): TNoticeView {
  return {
    ...notice,
    params: { ...notice.params, minutes: turn.deps.links.ttlMinutes },
    footnoteKey: "conversation:links.validity",
    links: documents.map((document) => ({ titleKey: linkTitleKey(document), url: turn.deps.links.document(document.id, turn.actor.personId) })),
    actions: [...(notice.actions ?? []), newLinkAction({ conventionId, documentIds: documents.map((document) => document.id) })],
  };
}

/** `notice` with the draft preview's link, minted now for the turn's person, how long it lasts, and "Nouveau lien". */
export function withPreviewLink(turn: TTurn, conventionId: number, notice: TNoticeView): TNoticeView {
  return {
    ...notice,
    params: { ...notice.params, minutes: turn.deps.links.ttlMinutes },
    footnoteKey: "conversation:links.validity",
    links: [{ titleKey: "conversation:preview.open", url: turn.deps.links.preview(conventionId, turn.actor.personId) }],
    actions: [...(notice.actions ?? []), newLinkAction({ conventionId })],
  };
}
