import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';
import type { CaseDetail } from '@deepvalue/shared';

const base = {
  id: 'c',
  openedOn: '2026-01-05',
  closedOn: '2026-03-01',
  category: 'housing',
  subcategory: 'possession',
  arrival: { route: 'referred', referrerPartnerId: 'p1' },
  referrerName: 'Foodbank',
  timeEntries: [
    {
      id: 't1',
      on: '2026-01-05',
      minutes: 75,
      class: 'relationship',
      activity: 'initial_interview',
      mode: 'face_to_face',
      adviserName: 'Sam',
      note: null,
      version: 1,
    },
  ],
  problems: [
    {
      id: 'p',
      category: 'debt',
      description: null,
      uncoveredOn: '2026-02-01',
      action: 'referred_warm',
      partnerId: 'p2',
      reachedSupport: null,
      result: null,
      version: 1,
    },
  ],
  referrals: [],
  feedback: [{ id: 'f', on: '2026-03-01', items: { respect: 5 }, comment: 'Kind', source: 'paper', version: 1 }],
  outcome: {
    result: 'positive',
    benefits: [{ type: 'benefit_awarded', amountGbp: 4200 }],
    understood: 5,
    accepted: true,
    appeal: 'considered_not_pursued',
    appealNotPursuedReason: 'accepted_outcome',
    confidenceBefore: 2,
    confidenceAfter: 4,
    wouldSeekAdviceEarlier: null,
    couldHandleSimilar: null,
  },
  followUps: [],
} as unknown as CaseDetail;

describe('the case timeline', () => {
  it('tells the story newest first, with the outcome above the feedback given the same day', () => {
    const events = buildTimeline(base, { respect: 'Treated me with respect' }, { p2: 'Debt Advice Line' });
    expect(events.map((e) => e.title)).toEqual([
      'Case closed: positive',
      'Client feedback (paper form)',
      'Underlying problem uncovered: debt',
      '1 h 15 min relationship time',
      'Case opened',
    ]);
    expect(events[0].details).toContain('Benefit awarded (£4,200)');
    expect(events[0].details).toContain('Considered and not pursued: the client understood and accepted the outcome');
    expect(events[1].details).toEqual(['Treated me with respect: 5 of 5', '“Kind”']);
    expect(events[2].details).toContain('Referred with a warm handover to Debt Advice Line');
    expect(events[4].details).toEqual(['Housing: Possession', 'Referred by Foodbank']);
  });

  it('names sub-category codes properly and shows a typed sub-category as typed', () => {
    const coded = buildTimeline({ ...base, category: 'welfare_benefits', subcategory: 'esa_wca' }, {}, {});
    expect(coded.at(-1)?.details[0]).toBe('Welfare benefits: ESA work capability assessment');
    const typed = buildTimeline({ ...base, subcategory: 'Section 21 notice from DWP-backed landlord' }, {}, {});
    expect(typed.at(-1)?.details[0]).toBe('Housing: Section 21 notice from DWP-backed landlord');
  });

  it('asks later whether a referred client reached the support', () => {
    const events = buildTimeline(base);
    expect(events.find((e) => e.kind === 'problem')?.askReachedSupport).toEqual({ kind: 'problems', id: 'p' });
    const reached = buildTimeline({ ...base, problems: [{ ...base.problems[0], reachedSupport: true }] });
    expect(reached.find((e) => e.kind === 'problem')?.askReachedSupport).toBeUndefined();
  });

  it('offers to record an underlying problem’s own result, and shows it once recorded', () => {
    const before = buildTimeline(base).find((e) => e.kind === 'problem')!;
    expect(before.problemResult).toEqual({ id: 'p', recorded: false });
    const after = buildTimeline({ ...base, problems: [{ ...base.problems[0], result: 'partly_positive' }] }).find(
      (e) => e.kind === 'problem',
    )!;
    expect(after.problemResult).toEqual({ id: 'p', recorded: true });
    expect(after.details).toContain('Its own result: partly positive');
  });
});
