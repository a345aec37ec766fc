import type { Request, Response } from "express";
import { LOCALES, toLocale, translate, type TLocale } from "../i18n/translate.ts";

// What a browser shows for a download or preview link that is refused: a short page in the
// reader's language (their browser's Accept-Language; French by default), then in the other
// one, since a bare link says nothing of who opens it. Never a stack, never cached.

/** Why a link is refused; each has a title and a message in locales/<lang>/pdf.json. */
export type TLinkRefusal = "forbidden" | "expired" | "notFound" | "unavailable";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The reader's language: the first of ours their browser accepts, else French. */
export function readerLocale(request: Request): TLocale {
  const accepted = request.acceptsLanguages(...LOCALES);
  return toLocale(accepted === false ? undefined : accepted);
}

/** Answers `status` with the short page of `refusal`. */
export function sendLinkRefusal(request: Request, response: Response, status: number, refusal: TLinkRefusal): void {
  const locale = readerLocale(request);
  const other = LOCALES.find((candidate) => candidate !== locale) ?? locale;
  const title = escapeHtml(translate(locale, `pdf:download.titles.${refusal}`));
  const page = [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>`,
    `<body><h1>${title}</h1>`,
    `<p>${escapeHtml(translate(locale, `pdf:download.${refusal}`))}</p>`,
    `<p lang="${other}">${escapeHtml(translate(other, `pdf:download.${refusal}`))}</p>`,
    "</body></html>",
    "",
  ].join("\n");
  response.status(status).type("text/html; charset=utf-8").set("Cache-Control", "no-store").send(page);
}
