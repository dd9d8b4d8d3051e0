import { SMALL_BAND_N } from '@deepvalue/shared';
import type { RateFigure } from '@deepvalue/shared';
import { wilsonInterval } from './statistics/wilson.js';

/** A count out of n as reported everywhere: the rate, its 95% Wilson interval and the small-group flag. */
export function rateFigure({ n, count }: { n: number; count: number }): RateFigure {
  return { n, count, ...wilsonInterval(count, n), small: n < SMALL_BAND_N };
}
