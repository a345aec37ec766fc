// Types of card-markdown.js (the browser's module, plain JavaScript), for the tests that run it.

/** The HTML of a card text (TextBlock, fact, toggle or expanded choice). */
export function cardMarkdownToHtml(text: string): string;
