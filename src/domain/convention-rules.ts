import type { TConventionValues } from "./convention.ts";
import {
  computeDureeEffective,
  scheduleOf,
  stagePeriodOf,
  type TGratificationInput,
  type THolidayZone,
  type TRulesInput,
  type TStudentConvention,
  type TTutorConvention,
} from "./rules/index.ts";

/** What the rules need beyond the convention's own answers: the directory and the other conventions. */
export type TConventionRulesFacts = {
  today: string;
  birthDate: string | null;
  siret: string | null;
  studentConventions: readonly TStudentConvention[];
  tutorConventions: readonly TTutorConvention[];
  /** The enseignant référent's other conventions and ceiling (Teacher.maxConventions); absent when no référent is chosen. */
  referentConventions?: readonly TTutorConvention[];
  referentMaxConventions?: number | null;
  /** The host's other conventions and effectif band (R124-10); absent when unknown. */
  hostConventions?: readonly TTutorConvention[];
  hostHeadcount?: { min: number; max: number } | null;
  /** The centre de gestion's setting refuseTrainingHoursBelow200 (D124-2); absent: a warning. */
  trainingHoursBelow200Refused?: boolean;
  /** The public-holiday calendar of the place of work (see holidayZoneOf); absent: metropolitan France. */
  holidayZone?: THolidayZone;
};

function gratificationOf(values: TConventionValues): TGratificationInput | null {
  if (values.gratification === null) return null;
  if (!values.gratification) return { granted: false };
  return {
    granted: true,
    amount: values.gratificationMontant,
    unit: values.gratificationUnite,
    basis: values.gratificationType,
    currency: values.deviseCode,
  };
}

/** Maps a convention's answers and facts to the input of the legal rules. */
export function toRulesInput(values: TConventionValues, facts: TConventionRulesFacts): TRulesInput {
  return {
    today: facts.today,
    startDate: values.dateDebut,
    endDate: values.dateFin,
    interruptions: (values.interruptions ?? []).map((period) => ({ start: period.dateDebut, end: period.dateFin })),
    horairesReguliers: values.horairesReguliers,
    weeklyHours: values.heuresHebdomadaires,
    irregularPeriods: (values.irregularPeriods ?? []).map((period) => ({
      start: period.dateDebut,
      end: period.dateFin,
      hoursPerDay: period.hoursPerDay,
    })),
    saturdaysWorked: values.samedisTravailles ?? false,
    holidayZone: facts.holidayZone ?? "METROPOLE",
    dureeEffectiveOverrideHours: values.dureeEffectiveSaisie,
    countryCode: values.paysIso2,
    gratification: gratificationOf(values),
    birthDate: facts.birthDate,
    travailExceptionnel: {
      night: values.travailNuit ?? false,
      sunday: values.travailDimanche ?? false,
      publicHoliday: values.travailJoursFeries ?? false,
      telework: values.teletravail ?? false,
      comment: values.travailExceptionnelCommentaire,
    },
    hostId: values.etablissementId,
    academicYear: values.academicYear,
    siret: facts.siret,
    studentConventions: facts.studentConventions,
    tutorConventions: facts.tutorConventions,
    referentConventions: facts.referentConventions ?? [],
    referentMaxConventions: facts.referentMaxConventions ?? null,
    hostConventions: facts.hostConventions ?? [],
    hostHeadcount: facts.hostHeadcount ?? null,
    hostExactHeadcount: values.effectifAccueil,
    trainingHoursPlus200: values.heuresFormationPlus200,
    trainingHours: values.heuresFormation,
    trainingHoursBelow200Refused: facts.trainingHoursBelow200Refused ?? false,
  };
}

/**
 * The durée effective computed from the dates, schedule and interruptions (not the override),
 * without the public holidays of `holidayZone`; null until they are known.
 */
export function computedDureeEffectiveHours(values: TConventionValues, holidayZone: THolidayZone = "METROPOLE"): number | null {
  const input = toRulesInput(values, { today: "1970-01-01", birthDate: null, siret: null, studentConventions: [], tutorConventions: [], holidayZone });
  const stage = stagePeriodOf(input.startDate, input.endDate);
  const schedule = scheduleOf(input);
  if (stage === null || schedule === null) return null;
  return computeDureeEffective(stage, schedule, input.interruptions).hours;
}
