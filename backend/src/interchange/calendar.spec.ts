import { describe, expect, it } from '@jest/globals';
import { addMonths, dayOf, isoOf, weekdayOf, workday } from './calendar.js';
import { isRealDate } from '../common/dates.js';

describe('calendar', () => {
  it('converts ISO dates to day numbers and back, across leap years and centuries', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(dayOf('2000-03-01') - dayOf('2000-02-28')).toBe(2);
    expect(dayOf('1900-03-01') - dayOf('1900-02-28')).toBe(1);
    for (let day = dayOf('1899-12-25'); day < dayOf('2101-01-05'); day += 13) {
      const iso = isoOf(day);
      expect(isRealDate(iso)).toBe(true);
      expect(dayOf(iso)).toBe(day);
    }
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-01', 24)).toBe('2026-01-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });

  it('moves weekend days to the following Monday', () => {
    expect(weekdayOf(dayOf('2025-01-06'))).toBe(1);
    expect(isoOf(workday(dayOf('2025-01-04')))).toBe('2025-01-06');
    expect(isoOf(workday(dayOf('2025-01-05')))).toBe('2025-01-06');
    expect(isoOf(workday(dayOf('2025-01-07')))).toBe('2025-01-07');
  });
});
