import type { ChainLink, Office, RelationshipChainReport } from '@deepvalue/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch, MANAGER, renderPage, reply } from '../../test/render';
import { linkSentence, mediationSentence, verdictOf } from './chain-sentences';
import { RelationshipChainPage } from './RelationshipChainPage';

const covariates = ['log2 relationship time', 'category: debt', 'vulnerability flags', 'funding: grant'];
const link = (over: Partial<ChainLink>): ChainLink => ({
  key: 'understood_accepted',
  from: 'Client understood the outcome',
  to: 'Client accepted the outcome',
  per: 'each point of understanding',
  kind: 'odds_ratio',
  estimate: 1.41,
  ciLow: 1.22,
  ciHigh: 1.62,
  n: 1295,
  unknown: 205,
  covariates,
  converged: true,
  separation: false,
  ...over,
});
const none = { estimate: null, ciLow: null, ciHigh: null };

const REPORT: RelationshipChainReport = {
  n: 1500,
  filters: {},
  links: [
    link({
      key: 'time_trust',
      from: 'Relationship time',
      to: 'Trust established (adviser’s score, 1–5)',
      kind: 'difference',
      estimate: 0.38,
      ciLow: 0.35,
      ciHigh: 0.42,
      covariates: covariates.slice(1),
    }),
    link({ key: 'understood_appeal_lodged', estimate: 0.93, ciLow: 0.74, ciHigh: 1.16, n: 425, unknown: 38 }),
  ],
  mediation: {
    n: 1295,
    unknown: 205,
    timeToUnderstanding: { estimate: 0.4, ciLow: 0.35, ciHigh: 0.44 },
    understandingToAcceptance: { estimate: 1.41, ciLow: 1.22, ciHigh: 1.62 },
    indirectOddsRatio: { estimate: 1.14, ciLow: 1.08, ciHigh: 1.21 },
    directOddsRatio: { estimate: 1.43, ciLow: 1.28, ciHigh: 1.6 },
    totalOddsRatio: { estimate: 1.64, ciLow: 1.48, ciHigh: 1.83 },
    shareThroughUnderstanding: { estimate: 0.273, ciLow: 0.176, ciHigh: 0.392 },
    bootstrap: { seed: 15, replicates: 500, failed: 0 },
    covariates,
    method: 'Product of coefficients on the log-odds scale.',
  },
  caveat: 'Observational: association, not cause.',
};

describe('relationship chain sentences', () => {
  it('says whether a link is clear of no association, for odds ratios (1) and differences (0)', () => {
    expect(verdictOf(link({}))).toBe('more');
    expect(verdictOf(link({ ciLow: 0.3, ciHigh: 0.9 }))).toBe('less');
    expect(verdictOf(link({ ciLow: 0.9, ciHigh: 1.2 }))).toBe('unclear');
    expect(verdictOf(link({ kind: 'difference', estimate: 0.1, ciLow: -0.05, ciHigh: 0.25 }))).toBe('unclear');
    expect(verdictOf(link({ kind: 'difference', estimate: 0.1, ciLow: 0.02, ciHigh: 0.25 }))).toBe('more');
    expect(verdictOf(link(none))).toBe('none');
  });

  it('reads a link in plain words with its interval and n, or says why there is no number', () => {
    expect(linkSentence(link({}))).toBe(
      'Each extra point of understanding (on the client’s 1–5 scale) goes with 1.41 times the odds of the client accepting the outcome (95% interval 1.22 to 1.62; 1,295 cases).',
    );
    expect(linkSentence(REPORT.links[0])).toBe(
      'Each doubling of relationship time goes with trust scores 0.38 points higher on a 1–5 scale (95% interval 0.35 to 0.42; 1,295 cases).',
    );
    // With the model's predicted shares, the rates come first and the odds after.
    const predicted = [
      { at: 'understanding 2 of 5', rate: 0.234 },
      { at: '4 of 5', rate: 0.371 },
    ];
    expect(linkSentence(link({ predicted }))).toBe(
      'For your average mix of cases, clients accepted the outcome in about 23% of cases where they understood it 2 out of 5, and about 37% where they understood it 4 out of 5. In odds: each extra point of understanding (on the client’s 1–5 scale) goes with 1.41 times the odds of the client accepting the outcome (95% interval 1.22 to 1.62; 1,295 cases).',
    );
    expect(linkSentence(link({ ...none, note: 'Too few cases with both recorded: 12.' }))).toBe(
      'No estimate for this step. Too few cases with both recorded: 12.',
    );
  });

  it('gives the share through understanding as a percentage with its interval, or the reason for none', () => {
    expect(mediationSentence(REPORT.mediation)).toBe(
      'About 27% of the link between more relationship time and clients accepting the outcome goes along with clients understanding the outcome better (95% interval 18% to 39%; 1,295 cases).',
    );
    const empty = { ...REPORT.mediation, shareThroughUnderstanding: none, note: 'Too few cases.' };
    expect(mediationSentence(empty)).toBe('No estimate. Too few cases.');
  });
});

describe('RelationshipChainPage', () => {
  it('shows each step with its verdict and sentence, the share through understanding and the caveat', async () => {
    fakeFetch({
      'GET /api/reports/chain': reply<RelationshipChainReport>(REPORT),
      'GET /api/offices': reply<Office[]>([]),
    });
    renderPage(<RelationshipChainPage />, { path: '/reports/chain', me: MANAGER });
    expect(await screen.findByTestId('mediation-sentence')).toHaveTextContent(/About 27% of the link/);
    expect(screen.getByText('Clear link: they rise together')).toBeInTheDocument();
    expect(screen.getByText('No clear link in these cases')).toBeInTheDocument();
    expect(screen.getByTestId('link-time_trust')).toHaveTextContent(/trust scores 0.38 points higher/);
    expect(screen.getByText(/Not recorded in 205 closed cases, which are left out/)).toBeInTheDocument();
    // The appeal step counts negative outcomes only; its unknown is the negative outcomes not recorded.
    expect(screen.getByTestId('link-understood_appeal_lodged').nextElementSibling).toHaveTextContent(
      /Only negative outcomes count here; .*Not recorded in 38 negative outcomes, which are left out/,
    );
    expect(screen.getByText('Association, not proof of cause.')).toBeInTheDocument();
    expect(screen.getByText(/Observational: association, not cause./)).toBeInTheDocument();
  });
});
