import { formatGbp, formatNumber, formatPercent } from '../../app/format';
import type { Cell, ColumnKind } from '@deepvalue/shared';

/** A pack cell as shown on the page: suppression marks and text as they are, numbers by kind. */
export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'rate':
      return formatPercent(value, 1);
    case 'gbp':
      return formatGbp(Math.round(value));
    case 'ratio':
      return formatNumber(value, 2);
    case 'hours':
      return formatNumber(value, 1);
    case 'count':
      return formatNumber(value);
    default:
      return String(value);
  }
}
