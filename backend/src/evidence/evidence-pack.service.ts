/**
 * Builds the commissioner evidence pack (backend/src/evidence/README.md) in memory: aggregate tables with small-number
 * suppression, the pricing of deep value, headline figures and the method. A manager builds it for
 * their organisation; a commissioner for the organisations that share with them (combined figures,
 * priced with the commissioner's own unit-cost table, suppressed at the strictest threshold).
 * Writers (writers/) turn it into CSV, XLSX and PDF.
 */
import { Injectable } from '@nestjs/common';

import {
  ARRIVAL_ROUTES,
  CATEGORIES,
  OUTCOME_MEASURES,
  PACK_MEANS,
  PACK_RATES,
  labelOf,
  type AdjustedEstimate,
  type ArrivalRoute,
  type Category,
  type FundingStream,
  type OutcomeMeasure,
  type Vulnerability,
} from '@deepvalue/shared';

import type { RequestUser } from '../access/request-user.js';

import { AnalyticsRepository } from '../analytics/analytics.repository.js';
import { FeeRatesService, type FeeTable } from '../analytics/fee-rates.service.js';
import { MeasureCellsRepository, type MeasureCell } from '../analytics/measure-cells.repository.js';

import type { ReportFilters } from '../analytics/report-filters.js';

import { ReportScopeService } from '../analytics/report-scope.service.js';

import { keptAdjustedTimeEstimate } from '../analytics/statistics/model-cache.js';
import { adjustedTimeEstimate, publishedEstimate } from '../analytics/statistics/time-vs-outcome-model.js';

import { DomainError, invalid } from '../common/domain-error.js';

import { FundingService } from '../organisations/funding.service.js';
import type { FundingMatch } from '../organisations/funding-match.js';
import { OrganisationsService } from '../organisations/organisations.service.js';

import { NOT_PRICED_FIGURE } from '../pricing/pricing-view.js';

import { hourlyCostOf } from '../pricing/unit-cost-defaults.js';

import { eachProviderValue } from '../pricing/each-provider.js';
import { buildPricingView, type PricingView } from '../pricing/pricing-view.js';
import {
  PricingService,
  pricingReport,
  type Priced,
  type Prices,
  type PricingInputs,
  type PricingReport,
} from '../pricing/pricing.service.js';

import { publishedCounts, type PublishedRounding } from '../pricing/published-pricing.js';

import { VERSION } from '../version.js';

import { DistributionRepository } from './distribution.repository.js';
import { EvidenceRepository } from './evidence.repository.js';
import { gbp, percent, thousands } from './format.js';

import { methodSections, NESTA_LEVEL } from './method.js';

import type { ByBandReport, EvidencePack, Headline, PackMean, PackMeta, PackRate, PackTable } from '@deepvalue/shared';

import { packSummary } from './summary.js';

import { adjustedTable } from './tables/adjusted-table.js';

import { distributionTables } from './tables/distribution-tables.js';

import { fixedFeeTable } from './tables/fixed-fee-table.js';

import { packMeanTable } from './tables/mean-tables.js';
import { casesTable, packRateTable, publishedTotal, timeVsOutcomeTable } from './tables/outcome-tables.js';

import { roundedOutcomes, type RoundedOutcomes } from '../disclosure/published-outcomes.js';
import { NOT_PUBLISHED_MARK, roundToBase, roundingBaseFor, type RoundedFigure } from '../disclosure/rounding.js';

import {
  adjustmentsTable,
  eachProviderInputTables,
  mappingTable,
  unitCostsTable,
  unpricedTable,
  valueLinesTable,
  valueSummaryTable,
} from './tables/pricing-tables.js';
import { normaliseFilters, todayIso } from '../analytics/facts-query.js';

/** Whose cases a pack counts, and whose unit costs price them. */
export interface PackScope {
  organisationIds: string[];
  pricingOrganisationId: string;
  /** Set for a commissioner's combined pack. */
  commissionerId: string | null;
}

/** Filters a pack may use. No adviser filter: a pack never singles out an adviser. */
export interface PackFilters {
  category?: Category;
  office?: string;
  fundingStream?: FundingStream;
  vulnerability?: Vulnerability;
  arrival?: ArrivalRoute;
}

/** The name the pack gives the pricing when each provider's own table priced its own cases. */
export const EACH_PROVIDER = 'each provider’s own unit-cost table';

/** Whose unit-cost table prices a commissioner's pack (a manager's pack is always its own). */
export const PRICED_WITH = ['commissioner', 'provider'] as const;
export type PricedWith = (typeof PRICED_WITH)[number];

export interface PackRequest {
  from: string;
  to: string;
  filters?: PackFilters;
  /** A version of the table that prices the pack (see pricedWith). */
  unitCostVersion?: number;
  /** Default 'commissioner' for a commissioner's pack; 'provider' needs a pack of one organisation. */
  pricedWith?: PricedWith;
  /** Fee-table version for a pack of one organisation (0 = the defaults); default: the latest. */
  feeTableVersion?: number;
  /** Fee-table versions by organisation reference, for a commissioner's combined pack. */
  feeTableVersions?: Record<string, number>;
  /** Default: the end of the period, or today while the period is still running. */
  asOf?: string;
  /** The build date shown beside the as-of date (default today); give the manifest's to re-create its bytes. */
  builtOn?: string;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

@Injectable()
export class EvidencePackService {
  constructor(
    private readonly repository: EvidenceRepository,
    private readonly cells: MeasureCellsRepository,
    private readonly analytics: AnalyticsRepository,
    private readonly scope: ReportScopeService,
    private readonly pricing: PricingService,
    private readonly feeRates: FeeRatesService,
    private readonly organisations: OrganisationsService,
    private readonly funding: FundingService,
    private readonly distributions: DistributionRepository,
  ) {}

  /** A manager's own organisation, or a commissioner's sharing organisations (all, or the one named). */
  async scopeForUser(user: RequestUser, organisation?: string): Promise<PackScope> {
    const organisationIds = await this.scope.organisationIds(user, organisation);
    return {
      organisationIds,
      pricingOrganisationId: user.organisationId,
      commissionerId: user.role === 'commissioner' ? user.organisationId : null,
    };
  }

  /** For the CLI: a provider by reference, or every provider sharing with a commissioner. */
  async scopeForRefs(refs: { org?: string; commissioner?: string }): Promise<PackScope> {
    const ref = refs.commissioner ?? refs.org;
    const found = ref ? await this.organisations.findByRef(ref) : undefined;
    if (!ref || !found) throw new DomainError('not_found', `There is no organisation with reference "${ref ?? ''}"`);
    if (refs.commissioner) {
      if (found.kind !== 'commissioner') throw invalid([{ path: 'commissioner', message: 'is not a commissioner' }]);
      const organisationIds = await this.repository.sharingWith(found.id);
      return { organisationIds, pricingOrganisationId: found.id, commissionerId: found.id };
    }
    if (found.kind !== 'provider') throw invalid([{ path: 'org', message: 'is not a provider organisation' }]);
    return { organisationIds: [found.id], pricingOrganisationId: found.id, commissionerId: null };
  }

  /**
   * `fromFacts`: every figure counted from the facts and the model fitted afresh, not read from the
   * roll-ups or the kept fits: the straightforward twin the bench builds beside the pack (same bytes).
   */
  async build(scope: PackScope, request: PackRequest, { fromFacts = false } = {}): Promise<EvidencePack> {
    const asOf = checkedPeriod(request);
    if (scope.organisationIds.length === 0) {
      throw new DomainError('unprocessable', 'No organisation shares its figures with you yet, so there is no pack');
    }
    const packFilters = request.filters ?? {};
    const filters: ReportFilters = normaliseFilters({ ...packFilters, from: request.from, to: request.to });
    const ids = scope.organisationIds;
    const pricingOrganisationId = pricingOrganisation(scope, request);
    const threshold = await this.pricing.suppressionThreshold(ids);
    const consented = { filters, asOf, consent: 'consented_only' as const, fromFacts };
    const cellsOf = (organisationIds: string[]) =>
      fromFacts
        ? this.cells.measureCellsFromFacts(organisationIds, filters, asOf)
        : this.cells.measureCells(organisationIds, filters, asOf);

    // The queries are independent: run them side by side (each is one pass over the facts).
    const organisationsLoaded = this.repository.organisations(ids);
    const feeTablesLoaded = organisationsLoaded.then((orgs) => this.feeTables(ids, orgs, request));
    const [
      organisations,
      pricingOrg,
      { cells, withoutConsent: excluded },
      estimates,
      feeTables,
      feeLines,
      inputs,
      funding,
      distributionCounts,
      providers,
    ] = await Promise.all([
      organisationsLoaded,
      // The commissioner's name too when each provider's table prices the pack (meta.commissioner).
      this.repository.organisations([pricingOrganisationId ?? scope.commissionerId!]),
      cellsOf(ids),
      this.estimates(ids, filters, asOf, fromFacts),
      feeTablesLoaded,
      feeTablesLoaded.then((tables) =>
        this.repository.feeLines(
          ids,
          filters,
          asOf,
          tables.flatMap((t) => t.rows.map((row) => ({ ...row, organisationId: t.organisationId }))),
          !fromFacts &&
            request.feeTableVersion === undefined &&
            Object.keys(request.feeTableVersions ?? {}).length === 0,
        ),
      ),
      pricingOrganisationId === null
        ? null
        : this.pricing.inputs({
            organisationIds: ids,
            pricingOrganisationId,
            ...consented,
            unitCostVersion: request.unitCostVersion,
          }),
      this.funding.forPeriod(ids, { from: request.from, to: request.to }),
      this.distributions.counts(ids, filters, asOf),
      pricingOrganisationId === null
        ? Promise.all(
            ids.map(async (id) => ({
              id,
              cells: (await cellsOf([id])).cells,
              inputs: await this.pricing.inputs({ organisationIds: [id], pricingOrganisationId: id, ...consented }),
            })),
          )
        : null,
    ]);
    const rounded = roundedOutcomes(cells, roundingBaseFor(threshold), filters.category);
    const refOf = new Map([...organisations, ...pricingOrg].map((o) => [o.id, o]));
    const priced =
      inputs !== null
        ? ownTable(
            this.pricing.valued(inputs, pricingRounding(rounded, filters.category)),
            refOf.get(pricingOrganisationId!),
          )
        : eachProviderTable(providers!, rounded, filters.category, refOf);

    const commissioner = scope.commissionerId ? (refOf.get(scope.commissionerId) ?? null) : null;
    const meta: PackMeta = {
      title: 'Deep value evidence pack',
      organisations: organisations.map((o) => ({ ref: o.ref, name: o.name })),
      commissioner: commissioner ? { ref: commissioner.ref, name: commissioner.name } : null,
      period: { from: request.from, to: request.to },
      asOf,
      filters: await this.filterLabels(ids, packFilters),
      threshold,
      unitCosts: priced.meta,
      feeTables: feeTables.map((t) => ({
        organisationRef: refOf.get(t.organisationId)?.ref ?? '',
        version: t.version,
        usingDefaults: t.usingDefaults,
      })),
      funding: fundingUsed(funding, packFilters, refOf),
      softwareVersion: VERSION,
      generatedAt: `${asOf}T00:00:00.000Z`,
      builtOn: request.builtOn ?? todayIso(),
    };

    const excludedShown = String(roundToBase(excluded, rounded.base));
    const publishedN = Object.fromEntries(OUTCOME_MEASURES.map((m) => [m, publishedTotal(rounded, m)])) as Record<
      OutcomeMeasure,
      number
    >;
    const view = priced.view;
    const tables: PackTable[] = [
      casesTable(rounded),
      ...OUTCOME_MEASURES.map((m) => timeVsOutcomeTable(rounded, m)),
      ...PACK_RATES.map((r) => packRateTable(rounded, r)),
      ...PACK_MEANS.map((m) => packMeanTable(rounded, m)),
      ...distributionTables(distributionCounts, rounded),
      adjustedTable(estimates, publishedN),
      fixedFeeTable(
        feeLines,
        feeTables,
        { from: request.from, to: request.to },
        (category) => rounded.cases.byCategory[CATEGORIES.indexOf(category)],
        rounded.cases.categoryBase,
        filters.category,
      ),
      valueSummaryTable(view),
      valueLinesTable(view, priced.own === null),
      unpricedTable(view),
      consentTable(rounded, excludedShown),
      ...(priced.own
        ? [
            unitCostsTable(priced.own.unitCosts.rows, priced.own.prices),
            adjustmentsTable(priced.own.unitCosts.sensitivity),
            mappingTable(priced.own.unitCosts.mapping, priced.own.unitCosts.rows),
          ]
        : eachProviderInputTables(priced.prices)),
    ];
    return {
      meta,
      summary: packSummary({
        meta,
        rounded,
        excludedShown,
        overall: view.groups[0],
        positiveEstimate: estimates.positive_outcome,
        positiveN: publishedN.positive_outcome,
      }),
      headlines: headlines(rounded, priced.view, excludedShown, meta),
      tables,
      method: methodSections({
        meta,
        excludedWithoutConsent: excludedShown,
        sensitivity: priced.own?.unitCosts.sensitivity ?? null,
        unpricedCount: priced.view.unpriced.length,
      }),
    };
  }

  /**
   * A commissioner's live pricing report (GET /reports/pricing): the pack's pricing for the same
   * scope, period and filters as of today, so screen and pack publish the same £ figures.
   */
  async pricingReport(scope: PackScope, filters: ReportFilters, unitCostVersion?: number): Promise<PricingReport> {
    const asOf = todayIso();
    const reportFilters: ReportFilters = normaliseFilters(filters);
    const ids = scope.organisationIds;
    const request = {
      organisationIds: ids,
      pricingOrganisationId: scope.pricingOrganisationId,
      filters: reportFilters,
      asOf,
      consent: 'consented_only' as const,
    };
    const [threshold, { cells }, inputs] = await Promise.all([
      this.pricing.suppressionThreshold(ids),
      this.cells.measureCells(ids, reportFilters, asOf),
      this.pricing.inputs({ ...request, unitCostVersion }),
    ]);
    const rounded = roundedOutcomes(cells, roundingBaseFor(threshold), reportFilters.category);
    return pricingReport(this.pricing.valued(inputs, pricingRounding(rounded, reportFilters.category)), request);
  }

  /**
   * A commissioner's live view of one measure by band (GET /reports/by-band): the pack's own table for
   * the same scope, period and filters as of today, so screen and pack publish the same cells.
   */
  async byBandReport(
    organisationIds: string[],
    filters: ReportFilters,
    measure: PackRate | PackMean,
  ): Promise<ByBandReport> {
    if (organisationIds.length === 0)
      throw new DomainError(
        'unprocessable',
        'No organisation shares its figures with you yet, so there is nothing to show',
      );
    const asOf = todayIso();
    const reportFilters = normaliseFilters(filters);
    const [threshold, { cells }] = await Promise.all([
      this.pricing.suppressionThreshold(organisationIds),
      this.cells.measureCells(organisationIds, reportFilters, asOf),
    ]);
    const base = roundingBaseFor(threshold);
    const rounded = roundedOutcomes(cells, base, reportFilters.category);
    const table = isPackRate(measure) ? packRateTable(rounded, measure) : packMeanTable(rounded, measure);
    return { measure, asOf, suppressionThreshold: base, table };
  }

  private async estimates(
    ids: string[],
    filters: ReportFilters,
    asOf: string,
    fromFacts: boolean,
  ): Promise<Record<OutcomeMeasure, AdjustedEstimate>> {
    const consenting = { ...filters, consentOnly: true };
    const patterns = await (
      fromFacts ? this.analytics.modelPatternsEachFromFacts : this.analytics.modelPatternsEach
    ).call(this.analytics, ids, consenting, OUTCOME_MEASURES, asOf);
    const fit = fromFacts ? adjustedTimeEstimate : keptAdjustedTimeEstimate;
    return Object.fromEntries(OUTCOME_MEASURES.map((m, i) => [m, publishedEstimate(fit(patterns[i]))])) as Record<
      OutcomeMeasure,
      AdjustedEstimate
    >;
  }

  /** The fee tables to use: the latest, or the versions the request names (to re-create an old pack). */
  private async feeTables(
    ids: string[],
    organisations: Array<{ id: string; ref: string }>,
    request: PackRequest,
  ): Promise<FeeTable[]> {
    const versions: Record<string, number> = {};
    const refs = new Map(organisations.map((o) => [o.ref, o.id]));
    if (request.feeTableVersion !== undefined) {
      if (ids.length !== 1)
        throw invalid([
          {
            path: 'feeTableVersion',
            message: 'applies to a pack of one organisation: name each organisation’s version instead',
          },
        ]);
      versions[ids[0]] = request.feeTableVersion;
    }
    for (const [ref, version] of Object.entries(request.feeTableVersions ?? {})) {
      const id = refs.get(ref);
      if (!id) throw invalid([{ path: `feeTableVersions.${ref}`, message: 'is not an organisation in this pack' }]);
      versions[id] = version;
    }
    try {
      return await this.feeRates.tablesFor(ids, versions);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
      const missing = [...refs]
        .filter(([, id]) => versions[id] !== undefined)
        .map(([ref, id]) => `${ref} version ${versions[id]}`);
      throw invalid([
        {
          path: request.feeTableVersion !== undefined ? 'feeTableVersion' : 'feeTableVersions',
          message: `names a fee-table version that does not exist (asked for: ${missing.join(', ')})`,
        },
      ]);
    }
  }

  private async filterLabels(ids: string[], filters: PackFilters): Promise<Record<string, string>> {
    const labels: Record<string, string> = {};
    if (filters.category) labels.Category = labelOf(filters.category);
    if (filters.office)
      labels.Office = (await this.repository.officeName(ids, filters.office.toLowerCase())) ?? 'unknown office';
    if (filters.fundingStream) labels['Funding stream'] = labelOf(filters.fundingStream);
    if (filters.vulnerability) labels.Vulnerability = labelOf(filters.vulnerability);
    if (filters.arrival && ARRIVAL_ROUTES.includes(filters.arrival)) labels['Arrival route'] = labelOf(filters.arrival);
    return labels;
  }
}

/**
 * Whose unit-cost table prices the pack: a commissioner's own, or (asked for) the one provider's in it; null
 * when each provider's own table prices its own cases (a combined pack priced with the providers' tables).
 */
function pricingOrganisation(scope: PackScope, request: PackRequest): string | null {
  const { pricedWith } = request;
  if (pricedWith === undefined || scope.commissionerId === null) return scope.pricingOrganisationId;
  if (pricedWith === 'commissioner') return scope.commissionerId;
  if (scope.organisationIds.length === 1) return scope.organisationIds[0];
  if (request.unitCostVersion !== undefined)
    throw invalid([
      {
        path: 'unitCostVersion',
        message:
          'names a version of one table: a pack priced with each provider’s own table uses each one’s current table',
      },
    ]);
  return null;
}

/** The pack's pricing: one organisation's table (`own`), or each provider's own (`own` null). */
interface PackPricing {
  view: PricingView;
  prices: Prices;
  meta: PackMeta['unitCosts'];
  own: Pick<Priced, 'unitCosts' | 'prices'> | null;
}

function ownTable(priced: Priced, pricingOrg: { ref: string; name: string } | undefined): PackPricing {
  return {
    view: priced.view,
    prices: priced.prices,
    own: priced,
    meta: {
      organisationRef: pricingOrg?.ref ?? '',
      organisationName: pricingOrg?.name ?? '',
      version: priced.unitCosts.version,
      createdAt: priced.unitCosts.createdAt.toISOString(),
      hourlyCostGbp: priced.input.hourlyCostGbp,
      hourlyCostSource: hourlyCostOf(priced.unitCosts.hourlyCostGbp).source,
      priceYear: priced.prices.year,
      deflators: priced.prices.series,
    },
  };
}

/**
 * The pack's own rounded counts priced with each provider's table, each event's count shared between the
 * tables by the providers' own rounded counts (pricing/each-provider.ts; docs/decisions.md). No value line
 * is kept: each would show the providers' tables applied to a count.
 */
function eachProviderTable(
  providers: Array<{ id: string; cells: MeasureCell[]; inputs: PricingInputs }>,
  rounded: RoundedOutcomes,
  onlyCategory: string | undefined,
  refOf: Map<string, { ref: string }>,
): PackPricing {
  const all = {
    events: providers.flatMap((p) => p.inputs.input.events),
    time: providers.flatMap((p) => p.inputs.input.time),
  };
  const combined = publishedCounts(all, pricingRounding(rounded, onlyCategory));
  const own = providers.map((p) => ({
    input: p.inputs.input,
    counts: publishedCounts(
      p.inputs.input,
      pricingRounding(roundedOutcomes(p.cells, rounded.base, onlyCategory), onlyCategory),
    ),
  }));
  const { value, marks, oneTable } = eachProviderValue(combined, own);
  const view: PricingView = { ...buildPricingView(providers[0].inputs.input, value, marks, oneTable), lines: [] };
  const { prices } = providers[0].inputs;
  const created = providers.map((p) => p.inputs.unitCosts.createdAt.toISOString()).sort();
  return {
    view,
    prices,
    own: null,
    meta: {
      organisationRef: '',
      organisationName: EACH_PROVIDER,
      version: 0,
      createdAt: created[created.length - 1],
      hourlyCostGbp: null,
      hourlyCostSource: null,
      priceYear: prices.year,
      deflators: prices.series,
      eachProvider: providers.map((p) => ({
        organisationRef: refOf.get(p.id)?.ref ?? '',
        version: p.inputs.unitCosts.version,
      })),
    },
  };
}

/** The as-of date, after checking the period. */
function checkedPeriod(request: PackRequest): string {
  const errors = [];
  if (!ISO_DATE.test(request.from)) errors.push({ path: 'from', message: 'must be a date written YYYY-MM-DD' });
  if (!ISO_DATE.test(request.to)) errors.push({ path: 'to', message: 'must be a date written YYYY-MM-DD' });
  if (request.asOf !== undefined && !ISO_DATE.test(request.asOf))
    errors.push({ path: 'asOf', message: 'must be a date written YYYY-MM-DD' });
  if (request.builtOn !== undefined && !ISO_DATE.test(request.builtOn))
    errors.push({ path: 'builtOn', message: 'must be a date written YYYY-MM-DD' });
  if (errors.length === 0 && request.from > request.to)
    errors.push({ path: 'to', message: 'must be on or after from' });
  if (errors.length) throw invalid(errors);
  if (request.asOf) return request.asOf;
  const today = todayIso();
  return request.to < today ? request.to : today;
}

/**
 * How the pack's pricing is rounded: the closed cases as the cases table publishes them, and avoided
 * bounce-backs as the bounce-back table's n − count (the same cases: followed-up, mature, no re-contact).
 */
function pricingRounding(rounded: RoundedOutcomes, onlyCategory?: string): PublishedRounding {
  const { count, n } = rounded.figures.bounce_back;
  const bounceBackAvoided: RoundedFigure = {
    byBand: n.byBand.map((x, j) => x - count.byBand[j]),
    total: n.total - count.total,
    byCategory: n.byCategory.map((x, i) =>
      x === null || count.byCategory[i] === null ? null : x - count.byCategory[i]!,
    ),
    categoryBase: n.categoryBase,
  };
  return {
    base: rounded.base,
    cases: rounded.cases,
    linked: { bounce_back_avoided: bounceBackAvoided },
    knownZero: CATEGORIES.map((c) => onlyCategory !== undefined && c !== onlyCategory),
  };
}

/** The funding the pack divides by, or why there is none (organisations/funding-match.ts). */
function fundingUsed(
  match: FundingMatch,
  filters: PackFilters,
  refOf: Map<string, { name: string }>,
): PackMeta['funding'] {
  if (Object.values(filters).some((v) => v !== undefined && v !== ''))
    return {
      totalGbp: null,
      records: 0,
      note: 'not given for a filtered pack: funding pays for the whole service, not the cases a filter picks',
    };
  if (match.matched)
    return {
      totalGbp: match.totalGbp,
      records: match.records,
      note: `£${thousands(match.totalGbp, Number.isInteger(match.totalGbp) ? 0 : 2)} recorded for the period (${match.records} record${match.records === 1 ? '' : 's'})`,
    };
  return {
    totalGbp: null,
    records: 0,
    note:
      'no funding recorded for the whole period: ' +
      match.uncovered.map((u) => `${refOf.get(u.organisationId)?.name ?? 'an organisation'}, ${u.reason}`).join('; '),
  };
}

/**
 * Net fiscal value (the published central, low and high figures) ÷ the funding recorded for the period,
 * to the penny; "not available" with the reason when no funding is recorded for it.
 */
function perFundingHeadline(
  net: { low: unknown; central: unknown; high: unknown },
  meta: PackMeta,
  leftOut: string,
): Pick<Headline, 'value' | 'detail'> {
  const funding = meta.funding.totalGbp;
  if (funding === null) return { value: 'not available', detail: meta.funding.note };
  if (net.central === NOT_PRICED_FIGURE)
    return { value: NOT_PRICED_FIGURE, detail: 'the public money saved rests only on events with no unit cost' };
  if (typeof net.central !== 'number' || typeof net.low !== 'number' || typeof net.high !== 'number')
    return { value: NOT_PUBLISHED_MARK, detail: 'not published: rests on a count that is not published' };
  const per = (v: number) => `£${(v / funding).toFixed(2)}`;
  return {
    value: per(net.central),
    detail: `net, central; range ${per(net.low)} to ${per(net.high)}; funding ${meta.funding.note}${leftOut}`,
  };
}

function consentTable(rounded: RoundedOutcomes, excludedShown: string): PackTable {
  return {
    name: 'consent-exclusions',
    sheet: 'Consent',
    title: 'Cases counted and excluded',
    description:
      'Closed cases in the period and filters, by whether the client consented to their anonymised data being ' +
      'used as evidence. Cases without consent are left out of every other table. ' +
      `Counts are rounded to the nearest ${rounded.base}.`,
    note: null,
    columns: [
      { key: 'group', label: 'Cases', kind: 'text' },
      { key: 'cases', label: 'Closed cases', kind: 'count' },
    ],
    rows: [
      { group: 'Counted: client consented', cases: rounded.cases.total },
      { group: 'Excluded: client did not consent', cases: Number(excludedShown) },
    ],
  };
}

function headlines(rounded: RoundedOutcomes, view: PricingView, excludedShown: string, meta: PackMeta): Headline[] {
  const pInterval = rounded.measures.positive_outcome.overall;
  const overall = view.groups[0];
  const eachProvider = meta.unitCosts.eachProvider !== undefined;
  const notPublished = eachProvider
    ? 'not published: it would rest on one provider’s own unit-cost table alone'
    : 'not published: rests on a count that is not published';
  const kind = (k: 'fiscal' | 'wellbeing' | 'client_financial') => overall.kinds.find((x) => x.kind === k)!;
  /** "; leaves out N events not priced" when some events of the kind have no price (item 4). */
  const leftOut = (k: 'fiscal' | 'wellbeing' | 'client_financial') => {
    const n = kind(k).eventsNotPriced;
    return typeof n === 'number' && n > 0 ? `; leaves out ${n} event${n === 1 ? '' : 's'} not priced` : '';
  };
  const notPriced = (k: 'fiscal' | 'wellbeing' | 'client_financial') => ({
    value: NOT_PRICED_FIGURE,
    detail: `rests only on ${kind(k).eventsNotPriced} events with no unit cost or no £ recorded; enter a local figure`,
  });
  const money = (k: 'fiscal' | 'wellbeing' | 'client_financial'): Pick<Headline, 'value' | 'detail'> => {
    const { net } = kind(k);
    if (net.central === NOT_PRICED_FIGURE) return notPriced(k);
    if (typeof net.central !== 'number' || typeof net.low !== 'number' || typeof net.high !== 'number')
      return { value: NOT_PUBLISHED_MARK, detail: notPublished };
    return {
      value: gbp(net.central),
      detail: `net, central; range ${gbp(net.low)} (low) to ${gbp(net.high)} (high)${leftOut(k)}`,
    };
  };
  const perPound = kind('fiscal').netPerPoundSpent;
  const perPoundHeadline = (): Pick<Headline, 'value' | 'detail'> => {
    if (perPound.central === NOT_PRICED_FIGURE) return notPriced('fiscal');
    if (typeof perPound.central === 'number' && typeof perPound.low === 'number' && typeof perPound.high === 'number')
      return {
        value: `£${perPound.central.toFixed(2)}`,
        detail: `net, central; range £${perPound.low.toFixed(2)} to £${perPound.high.toFixed(2)}${leftOut('fiscal')}`,
      };
    return {
      value: 'not available',
      detail:
        meta.unitCosts.hourlyCostGbp === null && !eachProvider
          ? 'no hourly cost of adviser time entered'
          : notPublished,
    };
  };
  return [
    {
      label: 'Closed cases counted',
      value: String(rounded.cases.total),
      detail: `clients who consented; ${excludedShown} excluded without consent (rounded to the nearest ${rounded.base})`,
    },
    pInterval.rate === null
      ? { label: 'Positive outcome', value: NOT_PUBLISHED_MARK, detail: 'not enough cases with a result to publish' }
      : {
          label: 'Positive outcome',
          value: percent(pInterval.rate),
          detail: `95% interval ${percent(pInterval.ciLow!)} to ${percent(pInterval.ciHigh!)}; n = ${pInterval.n} cases with a result (rounded)`,
        },
    { label: 'Fiscal value (public money saved)', ...money('fiscal') },
    eachProvider
      ? {
          label: 'Priced with',
          value: 'Each provider’s own unit-cost table',
          detail:
            `the pack’s rounded counts, each provider’s share priced with its own unit costs and its own cost of ` +
            `an adviser hour, at ${meta.unitCosts.priceYear} prices; the providers’ tables are not published`,
        }
      : {
          label: 'Priced with',
          value: `Unit costs of ${meta.unitCosts.organisationName}`,
          detail:
            `version ${meta.unitCosts.version}, at ${meta.unitCosts.priceYear} prices; adviser time at £${(meta.unitCosts.hourlyCostGbp ?? 0).toFixed(2)} an hour` +
            (meta.unitCosts.hourlyCostSource ? ' (the cited Legal Help rate, 2025)' : ' (entered by the organisation)'),
        },
    { label: 'Fiscal value per £1 of adviser time', ...perPoundHeadline() },
    { label: 'Fiscal value per £1 of funding', ...perFundingHeadline(kind('fiscal').net, meta, leftOut('fiscal')) },
    { label: 'Wellbeing value (to the person)', ...money('wellbeing') },
    { label: 'Money to clients (benefits, debt written off)', ...money('client_financial') },
    {
      label: 'Strength of evidence',
      value: `Nesta level ${NESTA_LEVEL}`,
      detail: 'observational casework data with no comparison group: association, not proof of cause',
    },
  ];
}

const isPackRate = (measure: PackRate | PackMean): measure is PackRate =>
  (PACK_RATES as readonly string[]).includes(measure);
