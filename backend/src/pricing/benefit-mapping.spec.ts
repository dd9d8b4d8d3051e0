import { describe, it, expect } from '@jest/globals';
import { DEFAULT_BENEFIT_MAPPING, OUTCOME_EVENTS, entriesFor, validateMapping } from './benefit-mapping.js';
import { DEFAULT_UNIT_COSTS } from './unit-cost-defaults.js';

describe('DEFAULT_BENEFIT_MAPPING', () => {
  it('refers only to unit costs in the default table', () => {
    expect(validateMapping(DEFAULT_BENEFIT_MAPPING, DEFAULT_UNIT_COSTS)).toEqual([]);
  });

  it('maps every event but "other"', () => {
    const mapped = new Set(DEFAULT_BENEFIT_MAPPING.map((entry) => entry.event));
    expect(OUTCOME_EVENTS.filter((event) => !mapped.has(event))).toEqual(['other']);
  });

  it('prices eviction avoided as public money and as wellbeing, through separate unit costs', () => {
    expect(entriesFor(DEFAULT_BENEFIT_MAPPING, 'eviction_avoided').map((entry) => entry.unitCostKey)).toEqual([
      'eviction_public_cost',
      'hact_temporary_to_settled_housing',
    ]);
  });

  it('names the field of an entry that points at a missing unit cost', () => {
    const mapping = [{ event: 'avoided_appeal' as const, unitCostKey: 'nope', durationYears: 0, rationale: '' }];
    expect(validateMapping(mapping, DEFAULT_UNIT_COSTS)).toEqual([
      { path: 'mapping[0].unitCostKey', message: 'is not in the unit-cost table' },
      { path: 'mapping[0].durationYears', message: 'must be a whole number of years from 1 to 50' },
    ]);
  });
});
