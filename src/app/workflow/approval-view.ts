import type { TApprovalView, TStepProgress } from "../../cards/views.ts";
import type { TValidationStep } from "../../domain/convention.ts";
import { authorize, type TActor } from "../../domain/permissions.ts";
import type { TLocale } from "../../i18n/translate.ts";
import { conventionSubject } from "../convention-subject.ts";
import { evaluateConvention } from "../evaluate-convention.ts";
import type { TClock } from "../ports/clock.ts";
import type { TConventionStore, TFormData, TRulesFactsSource, TStoredConvention } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";

type TDeps = { conventions: TConventionStore; formData: TFormData; facts: TRulesFactsSource; workflow: TWorkflowDirectory; clock: TClock };

const round2 = (value: number) => Math.round(value * 100) / 100;

async function stepsProgress(deps: TDeps, convention: TStoredConvention, round: number): Promise<TStepProgress[]> {
  const steps = convention.centreId === null ? [] : await deps.workflow.centreSteps(convention.centreId);
  const decisions = await deps.workflow.decisions(convention.id, round);
  return steps.map((step) => {
    const decision = decisions.find((row) => row.step === step);
    if (decision) {
      const state = decision.decision === "REFUSED" ? "refused" : "validated";
      return { step, state, deciderName: decision.deciderName, decidedAt: decision.decidedAt };
    }
    const current = convention.round === round && convention.state === "SUBMITTED" && convention.currentStep === step;
    return { step, state: current ? "current" : "pending", deciderName: null, decidedAt: null };
  });
}

/**
 * The approval card of one step of one round, as `reader` sees it: buttons only while the step
 * waits for them; once decided (or when the round was refused elsewhere), who decided, when, why.
 */
export async function approvalView(
  deps: TDeps,
  reader: TActor,
  locale: TLocale,
  card: { conventionId: number; round: number; step: TValidationStep },
): Promise<TApprovalView> {
  const convention = await deps.conventions.get(card.conventionId);
  const values = convention.values;
  const [labels, rules, decisions, steps] = await Promise.all([
    deps.formData.labelsFor(values, locale),
    evaluateConvention(deps, convention),
    deps.workflow.decisions(convention.id, card.round),
    stepsProgress(deps, convention, card.round),
  ]);
  const own = decisions.find((row) => row.step === card.step);
  const roundRefusal = convention.round !== card.round ? decisions.find((row) => row.decision === "REFUSED") : undefined;
  const decision = own ?? roundRefusal;
  const hours = values.dureeEffectiveSaisie ?? convention.dureeEffectiveCalculee;
  const open = convention.state === "SUBMITTED" && convention.round === card.round && convention.currentStep === card.step;
  return {
    conventionId: convention.id,
    numero: convention.numero,
    round: card.round,
    step: card.step,
    studentName: [values.etudiantFirstName, values.etudiantLastName].filter(Boolean).join(" "),
    formation: labels.inscriptionId ?? null,
    elementPedagogique: labels.elementPedagogiqueId ?? null,
    etablissementName: labels.etablissementId ?? null,
    serviceName: labels.serviceId ?? null,
    tuteurName: labels.tuteurId ?? null,
    enseignantName: labels.enseignantId ?? null,
    dateDebut: values.dateDebut,
    dateFin: values.dateFin,
    hours,
    days: hours === null ? null : round2(hours / 7),
    months: hours === null ? null : round2(hours / 7 / 22),
    gratification: values.gratification
      ? { amount: values.gratificationMontant, unit: values.gratificationUnite, type: values.gratificationType, currency: values.deviseCode }
      : null,
    // Confidentiality applies to every card, not only to the PDF.
    sujet: values.confidentiel ? null : values.sujet,
    confidential: values.confidentiel === true,
    warnings: rules.filter((result) => result.severity === "warning"),
    steps,
    decided:
      decision && decision.decision !== "UNVALIDATED"
        ? { decision: decision.decision, deciderName: decision.deciderName, decidedAt: decision.decidedAt, reason: decision.reason }
        : null,
    canDecide: !decision && open && authorize(reader, { kind: "decide", step: card.step }, conventionSubject(convention)).allowed,
  };
}
