import type { TJourneyChoices } from "./journey.ts";

/** Demo people the workflow tests act as (src/db/seed/demo-people.ts). */
export const DEMO = {
  lea: "lea.martin@etu.univ-demo.fr",
  hugo: "hugo.bernard@etu.univ-demo.fr",
  ines: "ines.haddad@etu.univ-demo.fr",
  lambert: "sophie.lambert@univ-demo.fr",
  girard: "antoine.girard@univ-demo.fr",
  cherif: "nadia.cherif@univ-demo.fr",
  garcia: "isabelle.garcia@univ-demo.fr",
  fontaine: "elodie.fontaine@univ-demo.fr",
  mansouri: "karim.mansouri@univ-demo.fr",
  petit: "thomas.petit@univ-demo.fr",
} as const;

/** Léa's convention at AP-HM (centre DEMO-PSY: référent, then validation administrative). */
export const PSY = (dates: TJourneyChoices["dates"]): TJourneyChoices => ({
  formation: "3M127C",
  element: "3427BS07",
  host: "hopitaux de marseille",
  service: "psychiatrie",
  tuteur: "psychologue",
  signataire: "directeur",
  enseignant: "lambert",
  dates,
});

/** Inès's convention at Calanques Numériques (centre DEMO-SCI: vérification, référent, validation). */
export const SCI = (dates: TJourneyChoices["dates"]): TJourneyChoices => ({
  formation: "SM1INF",
  element: "Stage M1",
  host: "calanques numeriques",
  service: "developpement",
  tuteur: "nguyen",
  signataire: "arnaud",
  enseignant: "cherif",
  dates,
});
