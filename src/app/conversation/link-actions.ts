import type { TNoticeView } from "../../cards/views.ts";
import { AppError } from "../app-error.ts";
import { parseData, visibleConvention } from "./convention-actions.ts";
import type { TTurn } from "./context.ts";
import { noticeEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";
import { withDocumentLinks, withPreviewLink, ZNewLinkData, type TLinkedDocument } from "./pdf-links.ts";

// "Nouveau lien", on every message that carries a PDF's link: the links there expire within
// minutes, a click mints fresh ones for whoever clicked, once the core has checked that they
// may still view the convention (the download checks it again).

/** "Nouveau lien": fresh links for the person who clicked, refused (FORBIDDEN) when they may not view the convention. */
export async function newLink(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId, documentIds } = parseData(ZNewLinkData, data);
  // Checked before any link is made: the click may come from an old card, or from someone else.
  await visibleConvention(turn, conventionId);
  const notice: TNoticeView = { tone: "default", titleKey: "conversation:links.renewed" };
  if (documentIds === undefined) return [noticeEffect(turn, conventionId, withPreviewLink(turn, conventionId, notice))];
  const documents: TLinkedDocument[] = [];
  for (const documentId of documentIds) {
    const document = await turn.deps.documents.documents.get(documentId);
    // A document of another convention is not this card's to give.
    if (document.conventionId !== conventionId) throw new AppError("NOT_FOUND", { entity: "document", id: documentId });
    documents.push(document);
  }
  return [noticeEffect(turn, conventionId, withDocumentLinks(turn, conventionId, documents, notice))];
}
