import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TCard } from "../../src/app/conversation/effects.ts";
import { choiceValue, conversationDriver, effectOf, executeActions, submission } from "./conversation-driver.ts";

/** Léa's sujet, as the stage answers give it. */
export const STAGE_SUJET = "Observation et entretiens cliniques en psychiatrie adulte";

/**
 * The stage section's answers, as a form sends them (strings); `choose(field, title)` picks the
 * value of a list choice whose title contains `title`, in whatever widget the channel shows.
 */
export function stageAnswers(choose: (field: string, title: string) => string, dates: { dateDebut: string; dateFin: string }): Record<string, string> {
  return {
    paysIso2: "FR",
    thematiqueCode: choose("thematiqueCode", "Psycho"),
    sujet: STAGE_SUJET,
    fonctionsTaches: "Participation aux entretiens, synthèses, bilans psychologiques sous supervision.",
    competences: "Conduite d'entretien clinique, passation de tests, rédaction de comptes rendus.",
    ...dates,
    horairesReguliers: "true",
    heuresHebdomadaires: "35",
    tempsTravailCode: "TEMPS_PLEIN",
    gratification: "true",
    gratificationMontant: "4.5",
    gratificationType: "NET",
    gratificationUnite: "HEURE",
    deviseCode: "EUR",
    modeVersementCode: choose("modeVersementCode", "Virement"),
    origineStageCode: choose("origineStageCode", "spontanée"),
    natureTravailCode: choose("natureTravailCode", "Rapport"),
    modaliteValidationCode: choose("modaliteValidationCode", "Rapport"),
  };
}

/** The stage section's answers, chosen in an Adaptive Card form. */
export function stageInputs(form: TCard, dates: { dateDebut: string; dateFin: string }): Record<string, string> {
  return stageAnswers((field, title) => choiceValue(form, field, title), dates);
}

export interface TJourneyChoices {
  formation: string;
  element: string;
  host: string;
  service: string;
  tuteur: string;
  signataire: string;
  enseignant: string;
  dates: { dateDebut: string; dateFin: string };
}

/** A student fills the seven sections through the core as a channel would; returns the convention id. */
export async function fillConvention(conversation: TConversation, email: string, choices: TJourneyChoices): Promise<number> {
  const student = conversationDriver(conversation, email);
  const conventionId = effectOf(await student.say("nouvelle convention"), "progress").conventionId;
  const save = async (section: string, inputs: (form: TCard) => Record<string, string>) => {
    const form = effectOf(await student.act("open_section", { conventionId, section }), "form").card;
    const effects = await student.act("save_section", submission(form, "save_section", inputs(form)));
    if (!effects.some((effect) => effect.kind === "close_form")) throw new Error(`section ${section} not saved: ${JSON.stringify(effects).slice(0, 2000)}`);
  };
  const first = async (dataset: "etablissements" | "services" | "contacts" | "enseignants", text: string) => {
    const found = await student.search(dataset, text, { conventionId });
    if (!found[0]) throw new Error(`no ${dataset} for "${text}"`);
    return found[0].value;
  };
  await save("etudiant", (form) => ({
    cpamId: choiceValue(form, "cpamId", "Bouches-du-Rhône"),
    inscriptionId: choiceValue(form, "inscriptionId", choices.formation),
    elementPedagogiqueId: choiceValue(form, "elementPedagogiqueId", choices.element),
    heuresFormationPlus200: "true",
    langue: "FR",
  }));
  const etablissementId = await first("etablissements", choices.host);
  await save("etablissement", () => ({ etablissementId }));
  const serviceId = await first("services", choices.service);
  await save("service", () => ({ serviceId }));
  const tuteurId = await first("contacts", choices.tuteur);
  await save("tuteur", () => ({ tuteurId }));
  await save("stage", (form) => stageInputs(form, choices.dates));
  const enseignantId = await first("enseignants", choices.enseignant);
  await save("enseignant", () => ({ enseignantId }));
  const signataireId = await first("contacts", choices.signataire);
  await save("signataire", () => ({ signataireId }));
  return conventionId;
}

/** Submits from the récapitulatif's "Valider" button, as the student would. */
export async function submitFromRecap(conversation: TConversation, email: string, conventionId: number) {
  const student = conversationDriver(conversation, email);
  const recap = effectOf(await student.act("show_recap", { conventionId }), "post").card;
  const validate = executeActions(recap).find((action) => action.verb === "submit_convention");
  if (!validate) throw new Error("the récapitulatif has no Valider button");
  return student.act("submit_convention", validate.data);
}
