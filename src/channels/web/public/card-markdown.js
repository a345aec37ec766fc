// The playground's markdown for Adaptive Cards: the subset Teams renders in a TextBlock (bold,
// italic, links), without which the renderer would print the asterisks. Pure, so that tests run it.
//
// The core escapes every text (src/cards/card-markdown.ts): a backslash before ASCII punctuation
// is that character, literal, as in CommonMark. Escaped characters are set aside before any
// markup is looked for, and HTML is escaped first, so card text never becomes markup.

const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const SET_ASIDE = /\uE000(\d+)\uE001/g;

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** The HTML of a card text (TextBlock, fact, toggle or expanded choice). */
export function cardMarkdownToHtml(text) {
  const literal = text.replace(/[\uE000\uE001]/g, "").replace(ESCAPED, (_, character) => `\uE000${character.charCodeAt(0)}\uE001`);
  return (
    escapeHtml(literal)
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[\s(])_(.+?)_(?=[\s).,;:!?]|$)/g, "$1<em>$2</em>")
      // Only http(s) and the page's own paths: "//host" (another site) and other schemes stay text.
      .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/(?![/\\]))[^)\s]*)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/\n/g, "<br>")
      .replace(SET_ASIDE, (_, code) => `&#${code};`)
  );
}
