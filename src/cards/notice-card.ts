import { VERBS, type TCard, type TVerb } from "./card-contract.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, type TCardAction, type TNotice } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TNoticeView } from "./views.ts";

const COLORS: Readonly<Record<TNoticeView["tone"], TNotice["color"]>> = {
  default: "Default",
  good: "Good",
  warning: "Warning",
  attention: "Attention",
};

function isVerb(verb: string): verb is TVerb {
  return (VERBS as readonly string[]).includes(verb);
}

function noticeActions(locale: TLocale, view: TNoticeView): TCardAction[] {
  return (view.actions ?? []).map((action) => {
    // The view types verbs loosely; a button the core would not understand is a programming error.
    if (!isVerb(action.verb)) throw new Error(`noticeCard: unknown verb "${action.verb}"`);
    return cardAction(translate(locale, action.titleKey, view.params), action.verb, action.data, { style: action.style ?? "default" });
  });
}

/** A short message (confirmation, error, information) in its tone, with optional buttons. */
export function noticeCard(locale: TLocale, view: TNoticeView): TCard {
  return renderTemplate("notice", {
    title: translate(locale, view.titleKey, view.params),
    color: COLORS[view.tone],
    text: view.textKey === undefined ? "" : translate(locale, view.textKey, view.params),
    footnote: view.footnoteKey === undefined ? "" : translate(locale, view.footnoteKey, view.params),
    actions: noticeActions(locale, view),
    links: (view.links ?? []).map((link) => ({ title: translate(locale, link.titleKey, view.params), url: link.url })),
  });
}
