/**
 * The method that travels with every pack (backend/src/evidence/README.md): what was counted, how, how strong the
 * evidence is (Nesta Standards of Evidence), what was left out, how small numbers are protected,
 * how outcomes were priced, and the caveats a funding panel needs.
 */
import { ASSOCIATION_CAVEAT, BANDS, MEASURES, OUTCOME_MEASURES, SMALL_BAND_N } from '@deepvalue/shared';
import { SAME_EVENT_NOTE } from '../pricing/benefit-mapping.js';
import { KINDS_APART_NOTE } from '../pricing/pricing.service.js';
import { SCENARIOS, type Sensitivity } from '../pricing/adjustments.js';
import { NOT_PRICED } from '../pricing/unit-cost-defaults.js';
import { percent } from './format.js';
import { MIN_RATE_N, roundingBaseFor } from '../disclosure/rounding.js';
import type { MethodSection, PackMeta } from '@deepvalue/shared';

/** How "value per £1 of funding" matches recorded funding to the pack's period (organisations/funding-match.ts). */
export const FUNDING_RULE =
  'Value per £1 of funding is net fiscal value ÷ the funding recorded for the period. For each organisation ' +
  'in the pack, the funding records lying wholly inside the period must together cover every day of it; a ' +
  'record reaching outside the period is never split (how its money was spent across its days is not known), ' +
  'so a pack for part of a funding period has no figure, and a combined pack needs the funding of every ' +
  'organisation in it. A filtered pack has none, since funding pays for the whole service. Value counts only ' +
  'the cases whose clients consented, while funding paid for all of them, so the figure understates.';

/** The level these figures reach, and why not higher. Never claim more (docs/pricing.md). */
export const NESTA_LEVEL = 2;
export const NESTA_SUMMARY =
  'Nesta Standards of Evidence level 2: data from the organisation’s own casework records shows change and ' +
  'how outcomes vary with relationship time, but there is no comparison group, so it cannot show that the ' +
  'advice caused the outcomes.';

const NESTA_LEVELS = [
  'Level 1: you can describe what you do and why it matters, logically, coherently and convincingly.',
  'Level 2: you capture data that shows positive change, but you cannot confirm you caused it.',
  'Level 3: you can demonstrate causality using a control or comparison group.',
  'Level 4: you have one or more independent evaluations that confirm these conclusions.',
  'Level 5: you have manuals, systems and procedures to ensure consistent replication and positive impact.',
];

export interface MethodInputs {
  meta: PackMeta;
  /** Closed cases without consent, as published ("<5" when small). */
  excludedWithoutConsent: string;
  /** Null when each provider's own table priced its own cases: the adjustments are the providers' own. */
  sensitivity: Sensitivity | null;
  unpricedCount: number;
}

export function methodSections(inputs: MethodInputs): MethodSection[] {
  const { meta } = inputs;
  const t = meta.threshold;
  const base = roundingBaseFor(t);
  const filters = Object.entries(meta.filters);
  const whose = meta.commissioner
    ? (meta.organisations.length === 1
        ? 'the figures of the 1 organisation that shares its figures with '
        : `the combined figures of the ${meta.organisations.length} organisations that share their figures with `) +
      `${meta.commissioner.name}: ${meta.organisations.map((o) => o.name).join('; ')}`
    : `${meta.organisations.map((o) => o.name).join('; ')}`;
  return [
    {
      heading: 'What this pack covers',
      paragraphs: [
        `Figures for ${whose}.`,
        `Cases closed from ${meta.period.from} to ${meta.period.to}, as the records stood on ${meta.asOf}.`,
        filters.length
          ? `Filters: ${filters.map(([k, v]) => `${k}: ${v}`).join('; ')}.`
          : 'Filters: none (all categories, offices, funding streams and clients).',
        'The pack holds aggregates only: no names, dates of birth, postcodes, free text, case or client ' +
          'references, adviser names or identifiers.',
        `Software: Deep Value ${meta.softwareVersion}. Unit costs: ${
          meta.unitCosts.eachProvider
            ? whoseTable(meta)
            : `version ${meta.unitCosts.version} of ${meta.unitCosts.organisationRef}'s table`
        }.`,
      ],
    },
    {
      heading: 'Strength of evidence',
      paragraphs: [
        NESTA_SUMMARY,
        'The Nesta Standards of Evidence (Puttick and Ludlow, 2013) have five levels:',
        ...NESTA_LEVELS,
        'This pack reaches level 2 and claims no more. The case-mix-adjusted estimates reduce, but do not remove, ' +
          'the differences between clients who received more or less relationship time.',
      ],
    },
    {
      heading: 'Who is counted',
      paragraphs: [
        'Closed cases only, counted in the period by the date they closed.',
        'Only clients who consented to their anonymised data being used as evidence are counted. ' +
          `${inputs.excludedWithoutConsent} closed ${inputs.excludedWithoutConsent === '1' ? 'case' : 'cases'} ` +
          'in the period and filters were excluded because the ' +
          'client did not consent.',
        'Bounce-back needs six months after closing to be known, so it counts only cases closed at least six ' +
          `months before ${meta.asOf}.`,
      ],
    },
    {
      heading: 'Definitions',
      paragraphs: [
        `${MEASURES.relationship_time.label}: ${MEASURES.relationship_time.definition}`,
        `Bands of relationship time: ${BANDS.map((b) => b.label).join(', ')} (each from its lower bound up to, ` +
          'not including, the next; the last, "8 h+" in charts, is 8 hours or more).',
        ...OUTCOME_MEASURES.map((m) => `${MEASURES[m].label}: ${MEASURES[m].definition}`),
        'Each rate comes with a 95% Wilson score interval and the number of cases (n) it rests on. ' +
          `Figures resting on fewer than ${SMALL_BAND_N} cases are very uncertain.`,
        'Case-mix-adjusted estimate: a logistic regression of the outcome on log2 of relationship time (at least ' +
          '15 minutes, in hours), category, number of vulnerability flags and funding stream, fitted by maximum ' +
          'likelihood. Reported as the odds ratio per doubling of relationship time with its 95% Wald interval.',
        'Fixed fee against need: each case is measured against the Legal Help fixed fee in force when it ' +
          'opened, turned into hours at the local hourly rate in the fee table; hours are all recorded time.',
      ],
    },
    {
      heading: 'Small numbers',
      paragraphs: [
        `Counts of closed cases and outcomes are rounded to the nearest ${base} (halves up; threshold ${t}${
          meta.commissioner ? ', the strictest of the organisations combined' : ''
        }), as ONS and NHS England do for small-area and administrative statistics: a rounded figure ` +
          `stands for any of ${base} true counts, so no small count can be read exactly. 0 means ` +
          `0 to ${Math.ceil(base / 2) - 1}.`,
        'Rates and their 95% Wilson intervals are worked out from the rounded count and the rounded n, never ' +
          'from the exact ones, so they reveal nothing the rounded counts do not (an exact rate beside a rounded ' +
          'n would give a small number of negative outcomes away).',
        'The total for all bands is the sum of the rounded bands, not a total rounded on its own (which could ' +
          'pin small bands exactly). Categories are rounded on their own, so they need not add up to the total; ' +
          'where bands and categories read together would still narrow a figure to one value, the categories ' +
          'are rounded to a coarser base or not published ("[c]").',
        `A band of relationship time with fewer than ${MIN_RATE_N} cases (rounded) is merged with its neighbour for that ` +
          `measure, and the row says so (e.g. "4 h and over"); a category with fewer than ${MIN_RATE_N} has no rate. The ` +
          'case-mix-adjusted estimate is a model estimate, not a count, and is shown whenever the model converged.',
        'The same rounding applies to the commissioner screens, the preview and every file of the pack, so ' +
          'they show the same figures.',
        '£ figures are priced from the same rounded counts: an outcome priced at a unit cost is its rounded ' +
          'count × that cost; £ recorded on outcomes (benefits, debt written off) is the rounded count of outcomes ' +
          'with a £ × their average £ to two significant figures; hours are the rounded cases × hours a case to ' +
          '0.1 h. By band they are figured band by band and the total for all cases is the sum of the bands, so a ' +
          '£ figure divided by its unit cost gives back only a rounded count. Fixed fee against need is rounded the ' +
          'same way.',
        'How the value table’s totals are formed: the figure for all cases is the sum of the five bands, to the ' +
          'penny (including any band shown "[c]"). Each category is priced from its own rounded counts, so the ' +
          'categories need not add up to the total, but none is shown above it: where rounding would put a ' +
          'category’s £, hours, cost or events not priced above the figure for all cases, it is shown at that ' +
          'figure, and its value per £1 and per hour follow from the figures shown.',
        'Figures are published for all categories by band of relationship time and for each category over all ' +
          'bands, not for each category and band together: those cells are small, and protecting them would ' +
          'hide the figures above as well.',
        'Rates, hours and £ figures resting on a count that is not published ("[c]") are not published either.',
      ],
    },
    {
      heading: 'Pricing',
      paragraphs: [
        KINDS_APART_NOTE,
        ...(inputs.sensitivity === null ? eachProviderParagraphs(meta) : ownTableParagraphs(meta, inputs.sensitivity)),
        `Prices of one year: every unit cost is uprated from its own price year to ${meta.unitCosts.priceYear} prices ` +
          'with the GDP deflator at market prices (the figure as published × index for ' +
          `${meta.unitCosts.priceYear} ÷ index for its year, the factor to four places${
            meta.unitCosts.eachProvider
              ? ''
              : '; the unit costs table shows each original figure, its year, the factor and the result'
          }). Series: ${meta.unitCosts.deflators.source} ` +
          `(version ${meta.unitCosts.deflators.version}, published ${meta.unitCosts.deflators.published}). The price ` +
          'year is the year the period ends, or the latest year the series gives an index for. £ recorded on outcomes ' +
          '(benefits, debt written off) and the cost of adviser time are taken as recorded.',
        SAME_EVENT_NOTE,
        meta.unitCosts.eachProvider
          ? 'Cost of adviser time: the hours of each band or category (rounded cases × hours a case), shared by ' +
            'the providers’ rounded closed cases there, each share × that provider’s own cost of an adviser hour ' +
            '(its own figure, or the cited default until it enters one). Value per £1 is net value ÷ that cost.'
          : meta.unitCosts.hourlyCostGbp === null
            ? 'No hourly cost of adviser time has been entered, so the cost of adviser time and value per £1 are not given.'
            : `Cost of adviser time: all recorded hours × £${meta.unitCosts.hourlyCostGbp.toFixed(2)} an hour` +
              (meta.unitCosts.hourlyCostSource
                ? ` (the default until the organisation enters its own: ${meta.unitCosts.hourlyCostSource}).`
                : ', as entered by the organisation.') +
              ' Value per £1 is net value ÷ that cost.',
        FUNDING_RULE + ` Here: ${meta.funding.note}.`,
        inputs.unpricedCount > 0
          ? `Some outcomes have no citable unit cost and are shown as "${NOT_PRICED}": they add nothing to the ` +
            '£ figures, which therefore understate the value.'
          : 'Every outcome recorded in the period was priced.',
      ],
    },
    {
      heading: 'Caveats',
      paragraphs: [
        ASSOCIATION_CAVEAT,
        'An unadjusted rate by band is a description, not an effect of relationship time.',
        'Figures are only as complete as the casework records. Unknown is not negative: outcomes, acceptance, ' +
          'appeal status (and why an appeal was not pursued) and follow-ups not recorded are left out of the rates ' +
          'they would belong to, and a case nobody followed up is never priced as a bounce-back avoided. Only an ' +
          'appeal not pursued because the client understood and accepted the outcome counts as an avoided appeal.',
        'Money to clients (benefits gained, debt written off) is a transfer to the client, not public money saved.',
      ],
    },
  ];
}

/** Whose table priced the pack, with its version (or each provider's). */
export function whoseTable(meta: PackMeta): string {
  const each = meta.unitCosts.eachProvider;
  return each
    ? `each provider’s own table (${each.map((p) => `${p.organisationRef} version ${p.version}`).join('; ')})`
    : `the table of ${meta.unitCosts.organisationName} (version ${meta.unitCosts.version})`;
}

function ownTableParagraphs(meta: PackMeta, sensitivity: Sensitivity): string[] {
  return [
    'Each outcome is priced with the unit costs it maps to (see the unit costs and mapping tables, with ' +
      'sources and price years). Gross value is before any adjustment; net value is after deadweight ' +
      '(would have happened anyway), attribution (share due to others) and drop-off for values that last ' +
      'more than a year.',
    `Adjustments (deadweight / attribution / drop-off a year / discount rate): ${SCENARIOS.map((s) => {
      const a = sensitivity[s];
      return `${s} ${percent(a.deadweight)} / ${percent(a.attribution)} / ${percent(a.dropOff)} / ${percent(a.discountRate)}`;
    }).join('; ')}. These are assumptions, shown so that they can be challenged; every £ figure carries the ` +
      'low to high range they give.',
    `Priced with the unit-cost table of ${meta.unitCosts.organisationName} (version ${meta.unitCosts.version}).`,
  ];
}

/** A combined pack priced with each provider's own table (pricing/each-provider.ts, docs/decisions.md). */
function eachProviderParagraphs(meta: PackMeta): string[] {
  const base = roundingBaseFor(meta.threshold);
  return [
    'Priced with each provider’s own unit-cost table: the pack’s own rounded counts (the ones its tables ' +
      'publish) are priced, and each outcome’s count in a band or category is shared between the providers by ' +
      `their own counts of it there, rounded to the nearest ${base} as in each provider’s own pack; each share ` +
      'is priced with that provider’s own unit costs, mapping and adjustments (deadweight, attribution, ' +
      'drop-off, discount rate), and adviser time likewise by each provider’s rounded closed cases and its own ' +
      `cost of an adviser hour. Tables used: ${whoseTable(meta)}. Where no provider has a rounded count of an outcome in a ` +
      'group, the shares follow their counts of it over all bands, then their closed cases. So when every table ' +
      'is the same, every figure is that of the pack priced with that one table. Gross value is before any ' +
      'adjustment; net value is after each provider’s own adjustments.',
    'The providers’ tables are not published: each provider’s table is its own. So that no unit cost can be ' +
      'read back from the pack, the value of each outcome is not shown apart (it is in the totals by kind of ' +
      'value), and a £ figure, cost of adviser time or value per £1 of a group that would rest on one ' +
      'provider’s table alone reads "[c]"; where that leaves one band or category of a figure out, a second is ' +
      'left out with it, so the total less the rest never isolates one provider.',
  ];
}
