import type { TCard } from "../../app/conversation/effects.ts";

// The core's cards are Adaptive Cards 1.5 already (the playground renders the same JSON).
// Teams mobile fails on Action.Execute on recent builds (AdaptiveCards#9315): every
// Action.Execute gets an Action.Submit fallback carrying the same verb and data, which the
// adapter handles exactly like the Execute (it arrives as a message whose value has `verb`).

type TNode = { [key: string]: unknown };

const isNode = (value: unknown): value is TNode => typeof value === "object" && value !== null && !Array.isArray(value);

/** The Action.Submit a Teams client falls back to when it cannot run this Action.Execute. */
function submitFallback(action: TNode): TNode {
  const data = isNode(action["data"]) ? action["data"] : {};
  return {
    type: "Action.Submit",
    title: action["title"],
    data: { ...data, verb: action["verb"] },
    ...(action["associatedInputs"] === undefined ? {} : { associatedInputs: action["associatedInputs"] }),
    ...(action["style"] === undefined ? {} : { style: action["style"] }),
  };
}

function withFallbacks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withFallbacks);
  if (!isNode(node)) return node;
  const copy: TNode = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withFallbacks(value);
  if (copy["type"] === "Action.Execute" && copy["fallback"] === undefined) copy["fallback"] = submitFallback(copy);
  return copy;
}

/** A core card as Teams gets it: every Action.Execute with its Action.Submit fallback. */
export function toTeamsCard(card: TCard): TCard {
  return withFallbacks(card) as TCard;
}
