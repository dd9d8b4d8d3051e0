/**
 * Prices of one year (docs/pricing.md): every unit cost is uprated from its own price year to the
 * price year of the figures with HM Treasury's GDP deflator, as the Green Book asks for appraisal across
 * government. The series is a versioned, dated table; the method shows each cost's original figure,
 * its year, the factor and the result. A newer series can be loaded from a JSON file
 * (DEFLATOR_SERIES_FILE, same shape as DeflatorSeries) without a release.
 */
import fs from 'node:fs';
import type { FieldError } from '../common/domain-error.js';
import type { UnitCost } from '@deepvalue/shared';

export interface DeflatorSeries {
  /** Names this vintage in the method and the manifest. */
  version: string;
  /** When the publisher released it (YYYY-MM). */
  published: string;
  source: string;
  /** Calendar-year index: year → level (any base; only ratios are used). */
  index: Record<string, number>;
}

/**
 * HM Treasury, "GDP deflators at market prices, and money GDP: December 2025 (Quarterly National
 * Accounts)", calendar-year GDP deflator at market prices (from ONS series MNF2), rebased 2024 = 100.
 * Calendar years after 2024 are forecasts in that release and carry no index level, so 2024 is the
 * latest price year it supports. The levels were not read from the HM Treasury file on this machine
 * (no internet): they are as transcribed to four places from that release's XLSX by the greenbook R
 * package (github.com/charlescoverdale/greenbook, inst/extdata/gdp_deflator.csv, commit 21a380d) —
 * check them against the gov.uk file and load a newer release with DEFLATOR_SERIES_FILE.
 */
export const HMT_GDP_DEFLATORS_2025_12: DeflatorSeries = {
  version: 'hmt-gdp-deflators-2025-12',
  published: '2025-12',
  source:
    'HM Treasury, GDP deflators at market prices, and money GDP: December 2025 (Quarterly National Accounts), ' +
    'calendar years, 2024 = 100 (ONS series MNF2); https://www.gov.uk/government/collections/gdp-deflators-at-market-prices-and-money-gdp',
  index: {
    '1990': 42.7537,
    '1991': 45.6203,
    '1992': 47.1096,
    '1993': 48.5208,
    '1994': 49.4168,
    '1995': 50.7097,
    '1996': 52.8097,
    '1997': 52.8303,
    '1998': 53.5326,
    '1999': 54.2793,
    '2000': 54.8102,
    '2001': 55.7479,
    '2002': 56.911,
    '2003': 58.266,
    '2004': 59.8584,
    '2005': 61.5718,
    '2006': 63.4682,
    '2007': 64.7322,
    '2008': 66.89,
    '2009': 68.217,
    '2010': 69.1217,
    '2011': 70.834,
    '2012': 71.9294,
    '2013': 73.4795,
    '2014': 74.6524,
    '2015': 75.1536,
    '2016': 76.4554,
    '2017': 77.6367,
    '2018': 79.1606,
    '2019': 81.1085,
    '2020': 85.2137,
    '2021': 85.6358,
    '2022': 90.5005,
    '2023': 96.2507,
    '2024': 100,
  },
};

/** Problems with a series, each naming the field. */
export function validateDeflatorSeries(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const s = value as Partial<DeflatorSeries> | null;
  if (typeof s !== 'object' || s === null) return [{ path: 'series', message: 'must be an object' }];
  if (typeof s.version !== 'string' || !s.version.trim()) errors.push({ path: 'version', message: 'is required' });
  if (typeof s.published !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(s.published))
    errors.push({ path: 'published', message: 'must be a month written YYYY-MM' });
  if (typeof s.source !== 'string' || !s.source.trim()) errors.push({ path: 'source', message: 'is required' });
  const entries = typeof s.index === 'object' && s.index !== null ? Object.entries(s.index) : [];
  if (entries.length === 0) errors.push({ path: 'index', message: 'must give at least one year' });
  for (const [year, level] of entries)
    if (!/^\d{4}$/.test(year) || typeof level !== 'number' || !Number.isFinite(level) || level <= 0)
      errors.push({ path: `index.${year}`, message: 'must be a year YYYY with a positive number' });
  return errors;
}

/** The series in use: the file DEFLATOR_SERIES_FILE names (checked when read), else the shipped one. */
export function loadDeflatorSeries(file: string | undefined): DeflatorSeries {
  if (!file) return HMT_GDP_DEFLATORS_2025_12;
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const errors = validateDeflatorSeries(parsed);
  if (errors.length)
    throw new Error(`DEFLATOR_SERIES_FILE ${file}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return parsed as DeflatorSeries;
}

export function lastYearOf(series: DeflatorSeries): number {
  return Math.max(...Object.keys(series.index).map(Number));
}

/**
 * The price year of figures for a period ending on `periodEnd` (YYYY-MM-DD): that year, or the series'
 * latest year when the period ends after it (a later year has no index level yet).
 */
export function priceYearFor(periodEnd: string, series: DeflatorSeries): number {
  return Math.min(Number(periodEnd.slice(0, 4)), lastYearOf(series));
}

/** How one unit cost was brought to the price year. `factor` null: no index for its year, used as it stands. */
export interface Uprating {
  originalGbp: number;
  year: number;
  factor: number | null;
  resultGbp: number;
}

/** index[price year] ÷ index[year], to four places (the figure the method shows and the arithmetic uses). */
export function deflatorFactor(series: DeflatorSeries, from: number, to: number): number | null {
  const a = series.index[String(from)];
  const b = series.index[String(to)];
  if (a === undefined || b === undefined) return null;
  return Number((b / a).toFixed(4));
}

export function uprate(valueGbp: number, year: number, priceYear: number, series: DeflatorSeries): Uprating {
  const factor = deflatorFactor(series, year, priceYear);
  return {
    originalGbp: valueGbp,
    year,
    factor,
    resultGbp: factor === null ? valueGbp : Number((valueGbp * factor).toFixed(2)),
  };
}

/** The unit costs at the price year (rows without a figure or a year are unchanged), with how each was uprated. */
export function atPriceYear(
  rows: readonly UnitCost[],
  priceYear: number,
  series: DeflatorSeries,
): { rows: UnitCost[]; upratings: Map<string, Uprating> } {
  const upratings = new Map<string, Uprating>();
  const uprated = rows.map((row) => {
    if (row.valueGbp === null || row.year === null || row.basis !== 'unit_rate') return row;
    const u = uprate(row.valueGbp, row.year, priceYear, series);
    upratings.set(row.key, u);
    return { ...row, valueGbp: u.resultGbp };
  });
  return { rows: uprated, upratings };
}
