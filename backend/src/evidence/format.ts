/** How pack figures read in text (headlines, PDF): fixed formats, independent of the machine's locale. */
import type { Cell, ColumnKind } from '@deepvalue/shared';

/** 1234567.8 → "1,234,568" (whole units, thousands separated). */
export function thousands(value: number, places = 0): string {
  const [whole, fraction] = Math.abs(value).toFixed(places).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function gbp(value: number): string {
  return `£${thousands(value, Math.abs(value) < 100 && !Number.isInteger(value) ? 2 : 0)}`;
}

export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** A table cell as text; marks and texts pass through, null shows as an en dash. */
export function formatCell(cell: Cell, kind: ColumnKind): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'rate':
      return percent(cell);
    case 'gbp':
      return gbp(cell);
    case 'ratio':
      return cell.toFixed(2);
    case 'hours':
      return cell.toFixed(1);
    case 'count':
      return thousands(cell);
    default:
      return String(cell);
  }
}
