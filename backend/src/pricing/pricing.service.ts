/**
 * Prices deep value for a set of organisations (docs/pricing.md): reads the aggregates, applies the
 * unit-cost version of the organisation doing the pricing (a manager's own; a commissioner's own
 * table for the providers that share with it) and returns the figures overall, per category and per
 * band. A manager sees their organisation's own figures in full; anything that leaves the providers
 * (packs, a commissioner's live report: evidence/) counts consenting clients only and is priced from
 * the rounded counts the pack publishes (published-pricing.ts).
 */
import { Injectable } from '@nestjs/common';

import { ASSOCIATION_CAVEAT } from '@deepvalue/shared';

import { describeFilters, type ReportFilters } from '../analytics/report-filters.js';

import { thresholdFor } from '../disclosure/threshold.js';

import { AppConfigService } from '../config/app-config.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';

import { HOURLY_COST_NOTE } from './dto/unit-costs.dto.js';

import { PricingAggregatesRepository } from './pricing-aggregates.repository.js';
import { buildPricingView, type PricingView } from './pricing-view.js';

import { publishedValue, type PublishedRounding } from './published-pricing.js';

import { atPriceYear, loadDeflatorSeries, priceYearFor, type DeflatorSeries, type Uprating } from './deflators.js';

import { hourlyCostOf } from './unit-cost-defaults.js';

import { UnitCostsService } from './unit-costs.service.js';

import type { UnitCostVersionRecord } from './unit-costs.repository.js';

import { priceDeepValue, type DeepValue, type PricingInput } from './value.js';
import { type ConsentRule, normaliseFilters, todayIso } from '../analytics/facts-query.js';

export const KINDS_APART_NOTE =
  'Fiscal value (public money saved), wellbeing value (value to the person) and money to clients are ' +
  'different kinds of value. They are reported apart and never added together.';

export interface PricingRequest {
  organisationIds: string[];
  /** Whose unit-cost table prices the figures. */
  pricingOrganisationId: string;
  filters: ReportFilters;
  asOf: string;
  consent: ConsentRule;
  /** Default: the latest version. */
  unitCostVersion?: number;
  /** The counts from the facts (the straightforward twin the bench compares), not the roll-up. */
  fromFacts?: boolean;
}

/** The price year of the figures and how each unit cost was brought to it (deflators.ts). */
export interface Prices {
  year: number;
  series: { version: string; published: string; source: string };
  /** By unit-cost key: the original figure, its year, the factor and the result. */
  upratings: Record<string, Uprating>;
}

export interface PricingInputs {
  input: PricingInput;
  /** The table as stored (figures at their own price years). */
  unitCosts: UnitCostVersionRecord;
  prices: Prices;
}

export interface Priced {
  input: PricingInput;
  value: DeepValue;
  view: PricingView;
  unitCosts: UnitCostVersionRecord;
  prices: Prices;
}

export interface PricingReport extends PricingView {
  asOf: string;
  filters: Record<string, string>;
  organisationIds: string[];
  consent: ConsentRule;
  unitCosts: { version: number; createdAt: string; hourlyCostGbp: number | null; hourlyCostNote: string | null };
  /** Unit costs are at this year's prices (GDP deflators). */
  priceYear: number;
  notes: string[];
}

@Injectable()
export class PricingService {
  /** Read once at start-up, so a bad DEFLATOR_SERIES_FILE stops the start with a message naming it. */
  private readonly deflators: DeflatorSeries;

  constructor(
    private readonly aggregates: PricingAggregatesRepository,
    private readonly unitCosts: UnitCostsService,
    private readonly organisations: OrganisationsService,
    config: AppConfigService,
  ) {
    this.deflators = loadDeflatorSeries(config.get().deflatorSeriesFile);
  }

  /** Unit costs and aggregates: the part that reads the database (the pack runs it beside its other queries). */
  async inputs(request: PricingRequest): Promise<PricingInputs> {
    const filters = normaliseFilters(request.filters);
    const [unitCosts, aggregates] = await Promise.all([
      request.unitCostVersion === undefined
        ? this.unitCosts.current(request.pricingOrganisationId)
        : this.unitCosts.version(request.pricingOrganisationId, request.unitCostVersion),
      (request.fromFacts ? this.aggregates.aggregatesFromFacts : this.aggregates.aggregates).call(
        this.aggregates,
        request.organisationIds,
        filters,
        request.asOf,
        request.consent,
      ),
    ]);
    const series = this.deflators;
    const year = priceYearFor(filters.to ?? request.asOf, series);
    const atYear = atPriceYear(unitCosts.rows, year, series);
    const prices: Prices = {
      year,
      series: { version: series.version, published: series.published, source: series.source },
      upratings: Object.fromEntries(atYear.upratings),
    };
    const input: PricingInput = {
      ...aggregates,
      unitCosts: atYear.rows,
      mapping: unitCosts.mapping,
      sensitivity: unitCosts.sensitivity,
      hourlyCostGbp: hourlyCostOf(unitCosts.hourlyCostGbp).valueGbp,
    };
    return { input, unitCosts, prices };
  }

  /** Exact figures (rounding null: a manager's own), or priced from the rounded counts a pack publishes. */
  valued({ input, unitCosts, prices }: PricingInputs, rounding: PublishedRounding | null): Priced {
    if (rounding === null) {
      const value = priceDeepValue(input);
      return { input, value, view: buildPricingView(input, value, null), unitCosts, prices };
    }
    const { value, marks } = publishedValue(input, rounding);
    return { input, value, view: buildPricingView(input, value, marks), unitCosts, prices };
  }

  /** GET /reports/pricing for a manager: their own organisation's figures in full. */
  async report(
    organisationIds: string[],
    pricingOrganisationId: string,
    filters: ReportFilters,
    unitCostVersion?: number,
  ): Promise<PricingReport> {
    const asOf = todayIso();
    const request = { organisationIds, pricingOrganisationId, filters, asOf, consent: 'all_cases' as const };
    const priced = this.valued(await this.inputs({ ...request, unitCostVersion }), null);
    return pricingReport(priced, request);
  }

  /** The disclosure threshold (disclosure/threshold.ts) of the organisations whose figures are combined. */
  async suppressionThreshold(organisationIds: string[]): Promise<number> {
    const settings = await Promise.all(organisationIds.map((id) => this.organisations.settings(id)));
    return thresholdFor({ organisationSettings: settings.map((s) => s.settings.suppressionThreshold) });
  }
}

/** The report's shape around a priced view (a manager's exact one, or a commissioner's published one). */
export function pricingReport(
  priced: Priced,
  request: Pick<PricingRequest, 'organisationIds' | 'filters' | 'asOf' | 'consent'>,
): PricingReport {
  return {
    ...priced.view,
    asOf: request.asOf,
    filters: describeFilters(normaliseFilters(request.filters)),
    organisationIds: request.organisationIds,
    consent: request.consent,
    unitCosts: {
      version: priced.unitCosts.version,
      createdAt: priced.unitCosts.createdAt.toISOString(),
      hourlyCostGbp: priced.input.hourlyCostGbp,
      hourlyCostNote: priced.unitCosts.hourlyCostGbp === null ? HOURLY_COST_NOTE : null,
    },
    priceYear: priced.prices.year,
    notes: [KINDS_APART_NOTE, pricesNote(priced.prices), ASSOCIATION_CAVEAT],
  };
}

/** One sentence on the price year, for reports and the method. */
export function pricesNote(prices: Prices): string {
  return (
    `Unit costs are at ${prices.year} prices: each is uprated from its own price year with the GDP deflator ` +
    `(${prices.series.source}; version ${prices.series.version}).`
  );
}
