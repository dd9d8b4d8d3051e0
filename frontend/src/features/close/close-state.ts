import {
  type ApiError,
  type AppealNotPursuedReason,
  type AppealStatus,
  type BenefitType,
  NO_RESULT_RESULTS,
  type OutcomeResult,
} from '@deepvalue/shared';
import { isIsoDate, today } from '../../app/format';

export interface CloseAnswers {
  /** The case version when the wizard started: closing checks nobody changed it since. */
  caseVersion: number | null;
  result: OutcomeResult | '';
  benefits: BenefitType[];
  noBenefits: boolean;
  amounts: Partial<Record<BenefitType, string>>;
  understood: '' | '1' | '2' | '3' | '4' | '5' | 'not_asked';
  accepted: '' | 'yes' | 'no' | 'not_asked';
  appeal: AppealStatus | '' | 'not_known';
  /** Asked when the appeal was considered and not pursued: only an accepted outcome is an avoided appeal. */
  appealNotPursuedReason: AppealNotPursuedReason | '' | 'not_known';
  confidenceBefore: string;
  confidenceAfter: string;
  wouldSeekAdviceEarlier: '' | 'yes' | 'no' | 'not_asked';
  couldHandleSimilar: '' | 'yes' | 'no' | 'not_asked';
  closedOn: string;
}

export const newCloseAnswers = (): CloseAnswers => ({
  caseVersion: null,
  result: '',
  benefits: [],
  noBenefits: false,
  amounts: {},
  understood: '',
  accepted: '',
  appeal: '',
  appealNotPursuedReason: '',
  confidenceBefore: '',
  confidenceAfter: '',
  wouldSeekAdviceEarlier: '',
  couldHandleSimilar: '',
  closedOn: today(),
});

export type CloseStep = 'result' | 'benefits' | 'understood' | 'accepted' | 'appeal' | 'development' | 'date' | 'check';

/** With no result (withdrawn, lost contact) there is no outcome to ask the client about. */
export function closeStepsFor(a: CloseAnswers): CloseStep[] {
  if (a.result && NO_RESULT_RESULTS.includes(a.result)) return ['result', 'check'];
  return ['result', 'benefits', 'understood', 'accepted', 'appeal', 'development', 'check'];
}

/** Benefits whose £ figure is asked for, and how. */
export const AMOUNT_HINTS: Partial<Record<BenefitType, string>> = {
  benefit_awarded: 'Amount a year, if known',
  benefit_reinstated: 'Amount a year, if known',
  debt_written_off: 'Amount written off, if known',
  debt_made_manageable: 'Amount of debt made manageable, if known',
  other: 'Value, if known',
};

const MONEY = /^\d{1,7}(\.\d{1,2})?$/;
const poundsOf = (text: string | undefined) => (text ?? '').replace(/[£,\s]/g, '');

export function validateCloseStep(step: CloseStep, a: CloseAnswers): ApiError[] {
  switch (step) {
    case 'result':
      return a.result ? [] : [{ path: 'result', message: 'Select the result for the client' }];
    case 'benefits': {
      if (!a.benefits.length && !a.noBenefits)
        return [{ path: 'benefits', message: 'Select what the client gained, or select “None of these”' }];
      const errors: ApiError[] = [];
      for (const type of a.benefits) {
        const text = poundsOf(a.amounts[type]);
        if (text && !MONEY.test(text))
          errors.push({ path: `amount-${type}`, message: 'Enter the amount in pounds, like 4,200 or 4200.50' });
      }
      return errors;
    }
    case 'understood':
      return a.understood ? [] : [{ path: 'understood', message: 'Select how well the client understood the outcome' }];
    case 'accepted':
      return a.accepted ? [] : [{ path: 'accepted', message: 'Select whether the client accepted the outcome' }];
    case 'appeal':
      if (!a.appeal) return [{ path: 'appeal', message: 'Select whether an appeal or challenge was made' }];
      if (a.appeal === 'considered_not_pursued' && !a.appealNotPursuedReason)
        return [{ path: 'appealNotPursuedReason', message: 'Select why the appeal or challenge was not pursued' }];
      if (
        a.appeal === 'considered_not_pursued' &&
        a.appealNotPursuedReason === 'accepted_outcome' &&
        a.accepted === 'no'
      )
        return [
          {
            path: 'appealNotPursuedReason',
            message: 'You said the client did not accept the outcome: choose another reason, or change that answer',
          },
        ];
      return [];
    case 'date':
      if (!isIsoDate(a.closedOn)) return [{ path: 'closedOn', message: 'Enter the date the case closed' }];
      if (a.closedOn > today()) return [{ path: 'closedOn', message: 'The date must be today or in the past' }];
      return [];
    default:
      return [];
  }
}

const score = (text: string) => (/^[1-5]$/.test(text) ? Number(text) : null);
const yesNo = (text: string) => (text === 'yes' ? true : text === 'no' ? false : null);

export function closeBody(a: CloseAnswers, version: number) {
  const noResult = a.result && NO_RESULT_RESULTS.includes(a.result);
  return {
    version,
    closedOn: a.closedOn,
    outcome: {
      result: a.result,
      benefits: noResult
        ? []
        : a.benefits.map((type) => {
            const text = poundsOf(a.amounts[type]);
            return { type, amountGbp: text ? Number(text) : null };
          }),
      understood: noResult ? null : score(a.understood),
      accepted: noResult ? null : yesNo(a.accepted),
      appeal: noResult || a.appeal === 'not_known' || !a.appeal ? null : a.appeal,
      appealNotPursuedReason:
        noResult ||
        a.appeal !== 'considered_not_pursued' ||
        !a.appealNotPursuedReason ||
        a.appealNotPursuedReason === 'not_known'
          ? null
          : a.appealNotPursuedReason,
      confidenceBefore: noResult ? null : score(a.confidenceBefore),
      confidenceAfter: noResult ? null : score(a.confidenceAfter),
      wouldSeekAdviceEarlier: noResult ? null : yesNo(a.wouldSeekAdviceEarlier),
      couldHandleSimilar: noResult ? null : yesNo(a.couldHandleSimilar),
    },
  };
}
