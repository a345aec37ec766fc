import {
  confirmDeleteCard,
  conventionListCard,
  etablissementFormCard,
  helpCard,
  hostChildFormCard,
  noticeCard,
  progressCard,
  recapCard,
  sectionFormCard,
} from "../../../src/cards/index.ts";
import { SECTION_IDS } from "../../../src/domain/sections/index.ts";
import type { TLocale } from "../../../src/i18n/translate.ts";
import { CONTACT_FORM_VIEW, ETABLISSEMENT_FORM_VIEW, HEADER, LIST_VIEW, progressView, recapView, SERVICE_FORM_VIEW, sectionFormView } from "./card-fixtures.ts";
import { describeCards, type TCardCase } from "./card-suite.ts";

const CASES: TCardCase[] = [
  { name: "progress", build: (locale) => progressCard(locale, progressView()) },
  { name: "progress, read-only", build: (locale) => progressCard(locale, progressView({ rights: { canEdit: false, canDelete: false, canSubmit: false } })) },
  ...SECTION_IDS.map((sectionId) => ({
    name: `form ${sectionId}`,
    build: (locale: TLocale) => sectionFormCard(locale, sectionFormView(sectionId)),
    form: true,
  })),
  { name: "form stage, read-only", build: (locale) => sectionFormCard(locale, sectionFormView("stage", { readOnly: true })), form: true },
  { name: "recap", build: (locale) => recapCard(locale, recapView()) },
  { name: "list", build: (locale) => conventionListCard(locale, LIST_VIEW) },
  { name: "list, empty", build: (locale) => conventionListCard(locale, { items: [], canCreate: true }) },
  {
    name: "notice",
    build: (locale) =>
      noticeCard(locale, {
        tone: "attention",
        titleKey: "errors:STALE_VERSION",
        textKey: "errors:NOT_FOUND",
        params: { entity: "convention", id: 42 },
        actions: [{ titleKey: "cards:actions.open", verb: "open_convention", data: { conventionId: 42 }, style: "positive" }],
      }),
  },
  { name: "help", build: (locale) => helpCard(locale) },
  { name: "confirm delete", build: (locale) => confirmDeleteCard(locale, HEADER) },
  { name: "établissement form", build: (locale) => etablissementFormCard(locale, ETABLISSEMENT_FORM_VIEW), form: true },
  { name: "contact form", build: (locale) => hostChildFormCard(locale, CONTACT_FORM_VIEW), form: true },
  { name: "service form", build: (locale) => hostChildFormCard(locale, SERVICE_FORM_VIEW), form: true },
];

// Strings that may read the same in both languages: data of the fixtures, numbers and dates.
const LANGUAGE_NEUTRAL = /^[\d\s/.,:;…—·()%+-]*$/;

function fixtureStrings(): Set<string> {
  const strings = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") strings.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  visit([HEADER, LIST_VIEW, ETABLISSEMENT_FORM_VIEW, CONTACT_FORM_VIEW, SERVICE_FORM_VIEW, sectionFormView("etudiant"), recapView()]);
  return strings;
}

describeCards(CASES, { data: fixtureStrings(), languageNeutral: LANGUAGE_NEUTRAL });
