// The answer of GET /search of the API Recherche d'entreprises, as its OpenAPI description
// (annuaire-entreprises-data-gouv-fr/search-api, app/doc/open-api.yml, components/schemas
// payload, result, siege, etablissement) documents it. Only the fields Stagebot reads are
// declared; the others are let through unread. The description lists no required property,
// and marks many "nullable": every field read here may be absent or null.
import { z } from "zod/v4";

const zText = z.string().nullish();

/** Fields common to `siege` and `etablissement` (open-api.yml: "certains champs sont en communs"). */
const siteShape = {
  siret: z.string().regex(/^\d{14}$/u),
  activite_principale: zText,
  adresse: zText,
  code_postal: zText,
  libelle_commune: zText,
  /** A: actif, F: fermé. */
  etat_administratif: zText,
  est_siege: z.boolean().nullish(),
  tranche_effectif_salarie: zText,
  nom_commercial: zText,
};

/** components/schemas/etablissement: a site that matched the search. */
export const ZRegisterSite = z.object(siteShape);

/** components/schemas/siege: the head office, with the parts of its address. */
export const ZRegisterSiege = z.object({
  ...siteShape,
  complement_adresse: zText,
  numero_voie: zText,
  indice_repetition: zText,
  type_voie: zText,
  libelle_voie: zText,
  libelle_commune_etranger: zText,
  libelle_pays_etranger: zText,
});

/** components/schemas/result: one legal unit (unité légale). */
export const ZRegisterResult = z.object({
  siren: z.string().regex(/^\d{9}$/u),
  nom_complet: zText,
  nom_raison_sociale: zText,
  sigle: zText,
  /** A: active, C: cessée. */
  etat_administratif: zText,
  nature_juridique: zText,
  activite_principale: zText,
  tranche_effectif_salarie: zText,
  siege: ZRegisterSiege.nullish(),
  matching_etablissements: z.array(ZRegisterSite).nullish(),
});

/** components/schemas/payload: the root of the answer. */
export const ZRegisterPayload = z.object({
  results: z.array(ZRegisterResult),
  total_results: z.number().int().nullish(),
  page: z.number().int().nullish(),
  per_page: z.number().int().nullish(),
  total_pages: z.number().int().nullish(),
});

export type TRegisterPayload = z.infer<typeof ZRegisterPayload>;
export type TRegisterResult = z.infer<typeof ZRegisterResult>;
export type TRegisterSite = z.infer<typeof ZRegisterSite>;
