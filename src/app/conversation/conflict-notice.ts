import type { TNoticeView } from "../../cards/views.ts";
import { translate, type TLocale } from "../../i18n/translate.ts";
import type { TConflict, TDecisionTaken } from "../app-error.ts";
import { formatDateTime } from "../workflow/format-date-time.ts";

type TParams = Record<string, string | number>;

// "…already validated by X on <date>", or, when no record says who and when, a sentence that says so.
function decidedNotice(locale: TLocale, subject: "step" | "avenant" | "proposal", taken: TDecisionTaken<string> | null, params: TParams): TNoticeView {
  if (taken === null) return { tone: "warning", titleKey: `errors:conflict.${subject}.unknown`, params };
  const when = { decider: taken.decider.name, date: formatDateTime(locale, taken.decidedAt) };
  return { tone: "warning", titleKey: `errors:conflict.${subject}.${taken.decision}`, params: { ...params, ...when } };
}

/** The notice answering a CONFLICT in the reader's language: what was already done, by whom and when. */
export function conflictNotice(locale: TLocale, conflict: TConflict): TNoticeView {
  switch (conflict.kind) {
    case "step_decided":
      return decidedNotice(locale, "step", conflict.taken, { step: translate(locale, `domain:steps.${conflict.step}`) });
    case "avenant_decided":
      return decidedNotice(locale, "avenant", conflict.taken, { avenant: conflict.numero });
    case "proposal_decided":
      return decidedNotice(locale, "proposal", conflict.taken, { proposal: conflict.proposalId });
    case "siret_taken":
      return { tone: "warning", titleKey: "errors:conflict.siretTaken" };
    case "avenant_cancelled":
      return { tone: "warning", titleKey: "operations:avenantCancelled.conflict", params: { avenant: conflict.numero } };
  }
}
