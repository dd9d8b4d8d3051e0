/** The evidence pack preview; mirrors backend/src/evidence/pack-types.ts. */
export type Cell = number | string | null;
export type ColumnKind = 'text' | 'count' | 'rate' | 'gbp' | 'ratio' | 'hours' | 'number';

export interface PackColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export interface PackTable {
  name: string;
  sheet: string;
  title: string;
  description: string;
  note: string | null;
  columns: PackColumn[];
  rows: Array<Record<string, Cell>>;
  partOfMethod?: boolean;
}

export interface NamedRef {
  ref: string;
  name: string;
}

export interface EvidencePackPreview {
  meta: {
    title: string;
    organisations: NamedRef[];
    commissioner: NamedRef | null;
    period: { from: string; to: string };
    asOf: string;
    filters: Record<string, string>;
    threshold: number;
    unitCosts: { organisationRef: string; version: number; createdAt: string; hourlyCostGbp: number | null };
    feeTables: Array<{ organisationRef: string; version: number; usingDefaults: boolean }>;
    softwareVersion: string;
    generatedAt: string;
  };
  headlines: Array<{ label: string; value: string; detail: string }>;
  tables: PackTable[];
  method: Array<{ heading: string; paragraphs: string[] }>;
  inputsSha256: string;
}
