import { describe, expect, it } from 'vitest';
import { chartLayout } from './chart-layout';

const months = (count: number) =>
  Array.from({ length: count }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

describe('chartLayout', () => {
  it('keeps columns while every label fits under its own bar', () => {
    expect(chartLayout(months(8), 960).orientation).toBe('columns');
    expect(chartLayout(['Housing', 'Debt', 'Welfare benefits'], 960).orientation).toBe('columns');
  });

  it('turns into rows when 23 months would overlap at a desktop width', () => {
    const layout = chartLayout(months(23), 960);
    expect(layout.orientation).toBe('rows');
    expect(layout.height).toBeGreaterThanOrEqual(23 * 40);
  });

  it('turns into rows for twelve advisers’ names, which overlapped side by side', () => {
    const names = ['Abdi Rahman', 'George Clarke', 'Grace Nowak', 'Kofi Yilmaz', 'Leila Davies', 'Maria O’Brien'];
    expect(chartLayout([...names, ...names], 960).orientation).toBe('rows');
  });

  it('turns into rows at a phone’s width, and never gives labels more than 45% of it', () => {
    const layout = chartLayout(['A very long office name indeed, in full', 'Short'], 330);
    expect(layout.orientation).toBe('rows');
    expect(layout.labelWidth).toBeLessThanOrEqual(330 * 0.45);
  });
});
