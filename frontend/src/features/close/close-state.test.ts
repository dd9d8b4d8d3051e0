import { describe, expect, it } from 'vitest';
import { closeBody, closeStepsFor, newCloseAnswers, validateCloseStep } from './close-state';

describe('closing a case', () => {
  it('skips the outcome questions when there was no result', () => {
    expect(closeStepsFor({ ...newCloseAnswers(), result: 'lost_contact' })).toEqual(['result', 'check']);
    expect(closeStepsFor({ ...newCloseAnswers(), result: 'negative' })).toContain('appeal');
  });

  it('asks for benefits or "none", and a £ figure in pounds', () => {
    const a = newCloseAnswers();
    expect(validateCloseStep('benefits', a)[0].message).toBe(
      'Select what the client gained, or select “None of these”',
    );
    expect(
      validateCloseStep('benefits', { ...a, benefits: ['benefit_awarded'], amounts: { benefit_awarded: '£4,200.50' } }),
    ).toEqual([]);
    expect(
      validateCloseStep('benefits', { ...a, benefits: ['benefit_awarded'], amounts: { benefit_awarded: 'lots' } })[0],
    ).toEqual({ path: 'amount-benefit_awarded', message: 'Enter the amount in pounds, like 4,200 or 4200.50' });
  });

  it('sends "not asked" as null and the £ as a number', () => {
    const body = closeBody(
      {
        ...newCloseAnswers(),
        result: 'negative',
        benefits: ['eviction_avoided', 'benefit_awarded'],
        amounts: { benefit_awarded: '£4,200' },
        understood: '4',
        accepted: 'not_asked',
        appeal: 'considered_not_pursued',
        appealNotPursuedReason: 'client_could_not_face_it',
        confidenceBefore: '2',
        confidenceAfter: '',
        wouldSeekAdviceEarlier: 'yes',
        couldHandleSimilar: 'no',
        closedOn: '2026-01-05',
      },
      7,
    );
    expect(body).toEqual({
      version: 7,
      closedOn: '2026-01-05',
      outcome: {
        result: 'negative',
        benefits: [
          { type: 'eviction_avoided', amountGbp: null },
          { type: 'benefit_awarded', amountGbp: 4200 },
        ],
        understood: 4,
        accepted: null,
        appeal: 'considered_not_pursued',
        appealNotPursuedReason: 'client_could_not_face_it',
        confidenceBefore: 2,
        confidenceAfter: null,
        wouldSeekAdviceEarlier: true,
        couldHandleSimilar: false,
      },
    });
  });

  it('asks why an appeal was not pursued, and refuses "accepted" from a client who did not accept', () => {
    const answers = { ...newCloseAnswers(), result: 'negative' as const, accepted: 'no' as const };
    const considered = { ...answers, appeal: 'considered_not_pursued' as const };
    expect(validateCloseStep('appeal', considered).map((e) => e.path)).toEqual(['appealNotPursuedReason']);
    expect(
      validateCloseStep('appeal', { ...considered, appealNotPursuedReason: 'accepted_outcome' }).map((e) => e.path),
    ).toEqual(['appealNotPursuedReason']);
    expect(validateCloseStep('appeal', { ...considered, appealNotPursuedReason: 'out_of_time' })).toEqual([]);
    // A reason left from an earlier choice is not sent with another appeal status.
    const lodged = { ...considered, appeal: 'lodged' as const, appealNotPursuedReason: 'out_of_time' as const };
    expect(closeBody(lodged, 1).outcome.appealNotPursuedReason).toBeNull();
  });

  it('sends no outcome details for a case closed without a result', () => {
    const body = closeBody({ ...newCloseAnswers(), result: 'withdrawn', benefits: ['home_kept'], understood: '5' }, 1);
    expect(body.outcome).toMatchObject({ result: 'withdrawn', benefits: [], understood: null, appeal: null });
  });
});
