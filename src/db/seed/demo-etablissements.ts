// The demo's host organisations. Fictional people; every SIRET passes the Luhn checksum (the
// 9-digit SIREN and the whole 14 digits), and every code is one of prisma/reference/lists.json,
// so the demo exercises the same checks as real data.

/** A demo contact: tuteur, signataire, or both. `service` names one of the host's services. */
export interface TDemoContact {
  civilite: string;
  lastName: string;
  firstName: string;
  fonction: string;
  phone: string;
  email: string;
  service: string | null;
}

/** A demo établissement d'accueil with its services and contacts. */
export interface TDemoEtablissement {
  raisonSociale: string;
  siret: string | null;
  typeStructureCode: string;
  statutJuridiqueCode: string;
  effectifCode: string;
  nafCode: string | null;
  activite: string;
  addressLine: string;
  postalCode: string;
  city: string;
  countryIso2: string;
  phone: string;
  email: string;
  services: { name: string; addressLine: string; postalCode: string; city: string; phone: string }[];
  contacts: TDemoContact[];
}

const APHM: TDemoEtablissement = {
  raisonSociale: "Assistance Publique - Hôpitaux de Marseille",
  siret: "26130008100013",
  typeStructureCode: "ETABLISSEMENT_SANTE_PUBLIC",
  statutJuridiqueCode: "EPA",
  effectifCode: "EFF_5000_PLUS",
  nafCode: "86.10Z",
  activite: "Activités hospitalières",
  addressLine: "80 rue Brochier",
  postalCode: "13005",
  city: "Marseille",
  countryIso2: "FR",
  phone: "04 91 38 00 00",
  email: "direction.generale@aphm-demo.fr",
  services: [
    { name: "Service de psychiatrie", addressLine: "147 boulevard Baille", postalCode: "13005", city: "Marseille", phone: "04 91 38 36 36" },
    { name: "Direction générale", addressLine: "80 rue Brochier", postalCode: "13005", city: "Marseille", phone: "04 91 38 00 00" },
  ],
  contacts: [
    {
      civilite: "Mme",
      lastName: "Vidal",
      firstName: "Claire",
      fonction: "Psychologue clinicienne",
      phone: "04 91 38 36 40",
      email: "claire.vidal@aphm-demo.fr",
      service: "Service de psychiatrie",
    },
    {
      civilite: "M.",
      lastName: "Rousseau",
      firstName: "Jean-Marc",
      fonction: "Directeur général",
      phone: "04 91 38 00 01",
      email: "jean-marc.rousseau@aphm-demo.fr",
      service: "Direction générale",
    },
  ],
};

const COMPANY: TDemoEtablissement = {
  raisonSociale: "Calanques Numériques",
  siret: "84321765400014",
  typeStructureCode: "ENTREPRISE_PRIVEE",
  statutJuridiqueCode: "SAS",
  effectifCode: "EFF_20_49",
  nafCode: "62.01Z",
  activite: "Développement de logiciels sur mesure",
  addressLine: "18 quai du Lazaret",
  postalCode: "13002",
  city: "Marseille",
  countryIso2: "FR",
  phone: "04 84 25 10 20",
  email: "contact@calanques-numeriques-demo.fr",
  services: [{ name: "Pôle Développement", addressLine: "18 quai du Lazaret", postalCode: "13002", city: "Marseille", phone: "04 84 25 10 21" }],
  contacts: [
    {
      civilite: "M.",
      lastName: "Nguyen",
      firstName: "Julien",
      fonction: "Responsable technique",
      phone: "04 84 25 10 22",
      email: "julien.nguyen@calanques-numeriques-demo.fr",
      service: "Pôle Développement",
    },
    {
      civilite: "Mme",
      lastName: "Arnaud",
      firstName: "Sandrine",
      fonction: "Présidente",
      phone: "04 84 25 10 20",
      email: "sandrine.arnaud@calanques-numeriques-demo.fr",
      service: null,
    },
  ],
};

const ASSOCIATION: TDemoEtablissement = {
  raisonSociale: "Association Entraide Phocéenne",
  siret: "78245913500029",
  typeStructureCode: "ASSOCIATION",
  statutJuridiqueCode: "ASSOCIATION_LOI_1901",
  effectifCode: "EFF_10_19",
  nafCode: "88.99B",
  activite: "Accompagnement psychosocial de personnes en situation de précarité",
  addressLine: "6 rue de la Palud",
  postalCode: "13001",
  city: "Marseille",
  countryIso2: "FR",
  phone: "04 91 54 32 10",
  email: "accueil@entraide-phoceenne-demo.fr",
  services: [{ name: "Accueil de jour", addressLine: "6 rue de la Palud", postalCode: "13001", city: "Marseille", phone: "04 91 54 32 11" }],
  contacts: [
    {
      civilite: "Mme",
      lastName: "Benoît",
      firstName: "Martine",
      fonction: "Présidente et coordinatrice",
      phone: "04 91 54 32 12",
      email: "martine.benoit@entraide-phoceenne-demo.fr",
      service: "Accueil de jour",
    },
  ],
};

// Abroad, francophone: the convention is in French (FR_FRANCOPHONE model).
const BELGIUM: TDemoEtablissement = {
  raisonSociale: "Centre de Recherche en Neurosciences Cognitives de Bruxelles",
  siret: null,
  typeStructureCode: "ORGANISME_RECHERCHE_PRIVE",
  statutJuridiqueCode: "SOCIETE_ETRANGERE",
  effectifCode: "EFF_50_199",
  nafCode: "72.20Z",
  activite: "Recherche en psychologie et neurosciences cognitives",
  addressLine: "Avenue Franklin Roosevelt 50",
  postalCode: "1050",
  city: "Bruxelles",
  countryIso2: "BE",
  phone: "+32 2 650 21 11",
  email: "stages@crnc-bruxelles-demo.be",
  services: [
    {
      name: "Laboratoire de psychologie cognitive",
      addressLine: "Avenue Franklin Roosevelt 50",
      postalCode: "1050",
      city: "Bruxelles",
      phone: "+32 2 650 21 20",
    },
  ],
  contacts: [
    {
      civilite: "Mme",
      lastName: "Dupont",
      firstName: "Véronique",
      fonction: "Directrice de recherche",
      phone: "+32 2 650 21 21",
      email: "veronique.dupont@crnc-bruxelles-demo.be",
      service: "Laboratoire de psychologie cognitive",
    },
  ],
};

// Abroad, not francophone: the convention is bilingual (EN_FR model).
const GERMANY: TDemoEtablissement = {
  raisonSociale: "Rheinland Biotech GmbH",
  siret: null,
  typeStructureCode: "ENTREPRISE_PRIVEE",
  statutJuridiqueCode: "SOCIETE_ETRANGERE",
  effectifCode: "EFF_200_249",
  nafCode: "72.11Z",
  activite: "Biotechnology research and development",
  addressLine: "Nattermannallee 1",
  postalCode: "50829",
  city: "Köln",
  countryIso2: "DE",
  phone: "+49 221 509 00",
  email: "internships@rheinland-biotech-demo.de",
  services: [{ name: "Molecular Biology Lab", addressLine: "Nattermannallee 1", postalCode: "50829", city: "Köln", phone: "+49 221 509 10" }],
  contacts: [
    {
      civilite: "M.",
      lastName: "Schneider",
      firstName: "Lukas",
      fonction: "Head of Molecular Biology",
      phone: "+49 221 509 11",
      email: "lukas.schneider@rheinland-biotech-demo.de",
      service: "Molecular Biology Lab",
    },
    {
      civilite: "Mme",
      lastName: "Weber",
      firstName: "Anna",
      fonction: "Managing Director (Geschäftsführerin)",
      phone: "+49 221 509 01",
      email: "anna.weber@rheinland-biotech-demo.de",
      service: null,
    },
  ],
};

export const DEMO_ETABLISSEMENTS: readonly TDemoEtablissement[] = [APHM, COMPANY, ASSOCIATION, BELGIUM, GERMANY];
