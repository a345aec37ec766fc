// The plain data the legal rules read. A convention from the database is mapped to
// TRulesInput by the caller; the rules never see Prisma, a platform or the clock.
import type { TIsoDate } from "./dates.ts";
import type { THolidayZone } from "./holidays.ts";

/** A period of consecutive days, both ends included. */
export type TPeriod = { start: TIsoDate; end: TIsoDate };

/** A period of an irregular schedule: the intern works `hoursPerDay` on each day counted. */
export type TSchedulePeriod = TPeriod & {
  hoursPerDay: number;
  /** Saturdays of the period are worked too (by default Monday–Friday only). */
  includesSaturdays?: boolean;
  /** Sundays of the period are worked too (by default Monday–Friday only). */
  includesSundays?: boolean;
  /** Public holidays of the period are worked too (by default they are not). */
  includesHolidays?: boolean;
};

/** Where the schedule is worked: whose public holidays are not presence (metropolitan France when absent). */
export type TSchedulePlace = { holidayZone?: THolidayZone };

/** The same hours every week; `includesSaturdays`: spread over Monday–Saturday instead of Monday–Friday. */
export type TRegularSchedule = TSchedulePlace & { kind: "REGULAR"; weeklyHours: number; includesSaturdays?: boolean };

/** Periods with hours per day. */
export type TIrregularSchedule = TSchedulePlace & { kind: "IRREGULAR"; periods: readonly TSchedulePeriod[] };

/** How presence is spread: the same hours every week, or periods with hours per day. */
export type TSchedule = TRegularSchedule | TIrregularSchedule;

/** Unit of a declared gratification (UNITE_DUREE list). */
export type TGratificationUnit = "HEURE" | "JOUR" | "SEMAINE" | "MOIS" | "ANNEE" | "TOTAL";

/** NET or BRUT; compared alike (see gratification.ts). */
export type TGratificationBasis = "NET" | "BRUT";

/** The gratification section: none, or an amount per unit. Null fields are not filled yet. */
export type TGratificationInput =
  | { granted: false }
  | {
      granted: true;
      amount: number | null;
      unit: TGratificationUnit | null;
      basis: TGratificationBasis | null;
      /** ISO 4217 code, e.g. "EUR"; null is read as EUR. */
      currency: string | null;
    };

/** States of a convention, as in the lifecycle (prisma enum ConventionState). */
export type TConventionState = "DRAFT" | "SUBMITTED" | "RETURNED" | "VALIDATED" | "CANCELLED";

/** Identifier of an établissement or a convention, as stored. */
export type TEntityId = string | number;

/** Another convention of the same student, for the 924-hour cap and the 308-hour threshold. */
export type TStudentConvention = {
  hostId: TEntityId;
  /** "2025/2026". */
  academicYear: string;
  /** Its durée effective (override included), in hours. */
  hours: number;
  state: TConventionState;
};

/** Another convention followed by the same tuteur (R124-13) or enseignant référent (D124-3). */
export type TTutorConvention = TPeriod & { state: TConventionState };

/** Travail exceptionnel: presence outside ordinary hours, which the convention must describe. */
export type TTravailExceptionnel = {
  night: boolean;
  sunday: boolean;
  publicHoliday: boolean;
  telework: boolean;
  /** The free-text description (commentaire); null or blank when missing. */
  comment: string | null;
};

/** Everything the legal rules read from a convention; null means "not filled yet". */
export type TRulesInput = {
  /** Today's date in Europe/Paris, passed in so that the rules stay pure. */
  today: TIsoDate;
  /** stage.dateDebut and stage.dateFin, both included. */
  startDate: TIsoDate | null;
  endDate: TIsoDate | null;
  /** Interruption periods: their days are not presence. */
  interruptions: readonly TPeriod[];
  /** horairesReguliers: true = weeklyHours every week; false = irregularPeriods. */
  horairesReguliers: boolean | null;
  /** heuresHebdomadaires; also converts a weekly, monthly or yearly gratification into hours. */
  weeklyHours: number | null;
  /** Irregular schedule periods (used when horairesReguliers is false). */
  irregularPeriods: readonly TSchedulePeriod[];
  /** samedisTravailles: Saturdays are days of presence too, in either schedule (D124-6). */
  saturdaysWorked: boolean;
  /** The public-holiday calendar of the place of work (service, else établissement). */
  holidayZone: THolidayZone;
  /** dureeEffectiveSaisie: the student's own count of hours, replacing the computed one. */
  dureeEffectiveOverrideHours: number | null;
  /** stage.pays as ISO 3166-1 alpha-2 ("FR"); null is read as France. */
  countryCode: string | null;
  gratification: TGratificationInput | null;
  /** The student's birth date, for the rules on minors. */
  birthDate: TIsoDate | null;
  travailExceptionnel: TTravailExceptionnel;
  /** The établissement d'accueil and the academic year ("2025/2026") of this convention. */
  hostId: TEntityId | null;
  academicYear: string | null;
  /** The établissement's SIRET, when the host has one. */
  siret: string | null;
  /** The student's other conventions (this one excluded), any host, any year. */
  studentConventions: readonly TStudentConvention[];
  /** The tuteur's other conventions (this one excluded). */
  tutorConventions: readonly TTutorConvention[];
  /** The enseignant référent's other conventions (this one excluded), and their own ceiling (Teacher.maxConventions). */
  referentConventions: readonly TTutorConvention[];
  referentMaxConventions: number | null;
  /** The host's other conventions (this one excluded) and its effectif band, for the quota of R124-10. */
  hostConventions: readonly TTutorConvention[];
  hostHeadcount: { min: number; max: number } | null;
  /** effectifAccueil: the exact headcount given on this convention; it replaces the band. */
  hostExactHeadcount: number | null;
  /** heuresFormationPlus200 and heuresFormation: the training's teaching hours a year (D124-2). */
  trainingHoursPlus200: boolean | null;
  trainingHours: number | null;
  /** The convention's centre de gestion refuses training hours below 200 instead of warning. */
  trainingHoursBelow200Refused: boolean;
};

/** Euros per hour of presence by calendar year, e.g. { 2025: 4.35, 2026: 4.5 }. */
export type TGratificationRates = Readonly<Record<number, number>>;

/** Configuration of the rules, set by the admin rather than by the convention. */
export type TRulesContext = {
  gratificationRates: TGratificationRates;
};
