import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  HMT_GDP_DEFLATORS_2025_12 as HMT,
  atPriceYear,
  deflatorFactor,
  loadDeflatorSeries,
  priceYearFor,
  uprate,
  validateDeflatorSeries,
} from './deflators.js';
import { DEFAULT_UNIT_COSTS } from './unit-cost-defaults.js';

// Expected values worked out apart from this code (Python): round(100 / index[year], 4), then × the figure.
describe('prices of one year (GDP deflators)', () => {
  it('uprates the 2009 eviction figure to 2024 prices: £34,000 × 1.4659 = £49,840.60', () => {
    expect(uprate(34_000, 2009, 2024, HMT)).toEqual({
      originalGbp: 34_000,
      year: 2009,
      factor: 1.4659,
      resultGbp: 49_840.6,
    });
  });

  it('uprates every default unit cost with a figure and a year, and leaves the rest alone', () => {
    const { rows, upratings } = atPriceYear(DEFAULT_UNIT_COSTS, 2024, HMT);
    const valueOf = (key: string) => rows.find((r) => r.key === key)!.valueGbp;
    expect(valueOf('eviction_public_cost')).toBe(49_840.6);
    expect(valueOf('hact_relief_heavy_debt')).toBe(12_628.81); // 9,428 × 1.3395 (2014)
    expect(valueOf('hact_full_time_employment')).toBe(14_422.4); // 10,767 × 1.3395
    expect(valueOf('hact_temporary_to_settled_housing')).toBe(10_670.08); // 8,019 × 1.3306 (2015)
    expect(valueOf('tribunal_appeal_sscs')).toBeNull();
    expect([...upratings.keys()].sort()).toEqual([
      'eviction_public_cost',
      'hact_full_time_employment',
      'hact_relief_heavy_debt',
      'hact_temporary_to_settled_housing',
    ]);
    // The stored table is not changed.
    expect(DEFAULT_UNIT_COSTS.find((r) => r.key === 'eviction_public_cost')!.valueGbp).toBe(34_000);
  });

  it('takes the price year from the period, and no later than the series reaches', () => {
    expect(priceYearFor('2020-03-31', HMT)).toBe(2020);
    expect(priceYearFor('2026-03-31', HMT)).toBe(2024);
    expect(deflatorFactor(HMT, 2009, 2014)).toBe(1.0943);
    expect(deflatorFactor(HMT, 2024, 2024)).toBe(1);
  });

  it('uses a figure of a year the series has no index for as it stands, and says so', () => {
    expect(uprate(65.35, 2025, 2024, HMT)).toEqual({ originalGbp: 65.35, year: 2025, factor: null, resultGbp: 65.35 });
  });

  it('loads a newer series from a file, and names the field of a bad one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-deflators-'));
    const good = path.join(dir, 'good.json');
    const newer = { ...HMT, version: 'newer', published: '2026-03', index: { ...HMT.index, '2025': 103.1 } };
    fs.writeFileSync(good, JSON.stringify(newer));
    const loaded = loadDeflatorSeries(good);
    expect(loaded.version).toBe('newer');
    expect(priceYearFor('2026-03-31', loaded)).toBe(2025);
    expect(loadDeflatorSeries(undefined)).toBe(HMT);
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...newer, index: {} }));
    expect(() => loadDeflatorSeries(bad)).toThrow(
      /DEFLATOR_SERIES_FILE .*bad\.json: index must give at least one year/,
    );
    expect(validateDeflatorSeries({ ...newer, published: '2026', index: { '2025': -1 } })).toEqual([
      { path: 'published', message: 'must be a month written YYYY-MM' },
      { path: 'index.2025', message: 'must be a year YYYY with a positive number' },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
