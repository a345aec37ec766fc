import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local API Recherche d'entreprises on 127.0.0.1 (listen(0)), answering GET /search in the
// format of its OpenAPI description (search-api app/doc/open-api.yml: payload, result, siege,
// etablissement), from a few companies it knows. It can be told to misbehave: slow, 429 with
// Retry-After, 500, malformed JSON.

/** A site as the fake holds it. */
export type TFakeSite = {
  siret: string;
  adresse: string;
  code_postal: string;
  libelle_commune: string;
  etat_administratif: "A" | "F";
  est_siege: boolean;
  activite_principale: string;
  tranche_effectif_salarie: string | null;
};

/** A legal unit as the fake holds it. */
export type TFakeCompany = {
  siren: string;
  nom_complet: string;
  nom_raison_sociale: string;
  etat_administratif: "A" | "C";
  nature_juridique: string;
  activite_principale: string;
  tranche_effectif_salarie: string | null;
  sites: TFakeSite[];
};

/** How the next answers go wrong. */
export type TFakeMode =
  | { kind: "ok" }
  | { kind: "slow"; ms: number }
  | { kind: "rate_limited"; retryAfter: string }
  | { kind: "error"; status: number }
  | { kind: "malformed"; body: string };

export interface TFakeRegister {
  url: string;
  /** Every request: its query string and headers. */
  requests: { q: string | null; params: URLSearchParams; headers: IncomingHttpHeaders }[];
  companies: TFakeCompany[];
  setMode(mode: TFakeMode): void;
  close(): Promise<void>;
}

function siege(company: TFakeCompany, site: TFakeSite) {
  const [numero, type, ...voie] = site.adresse.split(` ${site.code_postal} `)[0]?.split(" ") ?? [];
  return {
    ...site,
    complement_adresse: null,
    numero_voie: numero ?? null,
    indice_repetition: null,
    type_voie: type ?? null,
    libelle_voie: voie.join(" "),
    libelle_commune_etranger: null,
    libelle_pays_etranger: null,
    date_creation: "2000-01-01",
    coordonnees: "43.29,5.37",
    latitude: "43.29",
    longitude: "5.37",
    liste_enseignes: null,
    activite_principale_naf25: null,
    statut_diffusion_etablissement: "O",
    _company: company.siren,
  };
}

function result(company: TFakeCompany, matching: TFakeSite[]) {
  const head = company.sites.find((site) => site.est_siege) ?? company.sites[0];
  const { _company, ...headOffice } = head ? siege(company, head) : { _company: null };
  return {
    siren: company.siren,
    nom_complet: company.nom_complet,
    nom_raison_sociale: company.nom_raison_sociale,
    sigle: null,
    nombre_etablissements: company.sites.length,
    nombre_etablissements_ouverts: company.sites.filter((site) => site.etat_administratif === "A").length,
    siege: head ? headOffice : null,
    activite_principale: company.activite_principale,
    categorie_entreprise: "PME",
    etat_administratif: company.etat_administratif,
    nature_juridique: company.nature_juridique,
    section_activite_principale: "J",
    tranche_effectif_salarie: company.tranche_effectif_salarie,
    date_mise_a_jour: "2026-11-30T03:34:50",
    dirigeants: [],
    matching_etablissements: matching.map((site) => ({ ...site, liste_enseignes: null, latitude: "43.29", longitude: "5.37" })),
    finances: {},
    complements: { est_association: company.nature_juridique.startsWith("92"), est_entrepreneur_individuel: false },
  };
}

function search(companies: readonly TFakeCompany[], q: string, perPage: number) {
  const digits = q.replace(/\s/gu, "");
  let results: ReturnType<typeof result>[];
  if (/^\d{14}$/u.test(digits)) {
    results = companies.flatMap((company) => company.sites.filter((site) => site.siret === digits).map((site) => result(company, [site])));
  } else if (/^\d{9}$/u.test(digits)) {
    results = companies.filter((company) => company.siren === digits).map((company) => result(company, []));
  } else {
    const words = q.toLowerCase().split(/\s+/u).filter(Boolean);
    results = companies
      .filter((company) => words.every((word) => `${company.nom_complet} ${company.sites.map((site) => site.adresse).join(" ")}`.toLowerCase().includes(word)))
      .map((company) => result(company, company.sites.filter((site) => words.some((word) => site.adresse.toLowerCase().includes(word))).slice(0, 10)));
  }
  return { results: results.slice(0, perPage), total_results: results.length, page: 1, per_page: perPage, total_pages: 1 };
}

/** Starts the fake register on 127.0.0.1, knowing `companies`. */
export async function startFakeRegister(companies: TFakeCompany[]): Promise<TFakeRegister> {
  let mode: TFakeMode = { kind: "ok" };
  const requests: TFakeRegister["requests"] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push({ q: url.searchParams.get("q"), params: url.searchParams, headers: request.headers });
    const answer = () => {
      if (url.pathname !== "/search") return response.writeHead(404).end();
      const q = url.searchParams.get("q") ?? "";
      if (q.trim().length < 3) {
        response
          .writeHead(400, { "content-type": "application/json" })
          .end(JSON.stringify({ erreur: "Veuillez indiquer au moins un paramètre de recherche." }));
        return;
      }
      switch (mode.kind) {
        case "rate_limited":
          response.writeHead(429, { "retry-after": mode.retryAfter, "content-type": "application/json" }).end('{"erreur":"Too Many Requests"}');
          return;
        case "error":
          response.writeHead(mode.status, { "content-type": "text/html" }).end("<html>Internal Server Error</html>");
          return;
        case "malformed":
          response.writeHead(200, { "content-type": "application/json" }).end(mode.body);
          return;
        default:
          response
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify(search(companies, q, Number(url.searchParams.get("per_page") ?? 10))));
      }
    };
    if (mode.kind === "slow") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!response.destroyed) answer();
      }, mode.ms);
      timers.add(timer);
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    companies,
    setMode: (next) => {
      mode = next;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A few companies, in the register's own words. */
export const FAKE_COMPANIES: TFakeCompany[] = [
  {
    siren: "552100554",
    nom_complet: "PROVENCE LOGICIELS",
    nom_raison_sociale: "PROVENCE LOGICIELS",
    etat_administratif: "A",
    nature_juridique: "5710",
    activite_principale: "62.01Z",
    tranche_effectif_salarie: "12",
    sites: [
      {
        siret: "55210055400013",
        adresse: "12 RUE DE LA REPUBLIQUE 13001 MARSEILLE",
        code_postal: "13001",
        libelle_commune: "MARSEILLE",
        etat_administratif: "A",
        est_siege: true,
        activite_principale: "62.01Z",
        tranche_effectif_salarie: "12",
      },
      {
        siret: "55210055400021",
        adresse: "3 AVENUE DE TOULON 83000 TOULON",
        code_postal: "83000",
        libelle_commune: "TOULON",
        etat_administratif: "A",
        est_siege: false,
        activite_principale: "62.02A",
        tranche_effectif_salarie: "03",
      },
    ],
  },
  {
    siren: "443061841",
    nom_complet: "ANCIENNE IMPRIMERIE PROVENCE",
    nom_raison_sociale: "ANCIENNE IMPRIMERIE PROVENCE",
    etat_administratif: "C",
    nature_juridique: "5499",
    activite_principale: "18.12Z",
    tranche_effectif_salarie: null,
    sites: [
      {
        siret: "44306184100013",
        adresse: "5 BOULEVARD NATIONAL 13003 MARSEILLE",
        code_postal: "13003",
        libelle_commune: "MARSEILLE",
        etat_administratif: "F",
        est_siege: true,
        activite_principale: "18.12Z",
        tranche_effectif_salarie: null,
      },
    ],
  },
  {
    // Also in the demo base (Calanques Numériques, same SIRET): shown once, as the local one.
    siren: "843217654",
    nom_complet: "CALANQUES NUMERIQUES",
    nom_raison_sociale: "CALANQUES NUMERIQUES",
    etat_administratif: "A",
    nature_juridique: "5710",
    activite_principale: "62.01Z",
    tranche_effectif_salarie: "11",
    sites: [
      {
        siret: "84321765400014",
        adresse: "40 RUE DE LA REPUBLIQUE 13002 MARSEILLE",
        code_postal: "13002",
        libelle_commune: "MARSEILLE",
        etat_administratif: "A",
        est_siege: true,
        activite_principale: "62.01Z",
        tranche_effectif_salarie: "11",
      },
    ],
  },
];
