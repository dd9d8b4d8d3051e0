/**
 * Writes a pack's files and its manifest: csv/NAME.csv per table, evidence-pack.xlsx,
 * evidence-pack.pdf and manifest.json. The manifest carries the period, filters, unit-cost version,
 * software version, the SHA-256 of the canonical inputs (the pack's JSON with sorted keys, before any
 * writing) and the SHA-256 of each file, so the same pack can be re-created and checked.
 */
import { createHash } from 'node:crypto';
import type { EvidencePack } from '@deepvalue/shared';
import { tableCsv } from './csv.js';
import { packPdf } from './pdf.js';
import { packXlsx } from './xlsx.js';
import { createZip } from './zip.js';

export const MANIFEST_FORMAT = 'deepvalue.evidence-pack.v1';

export interface PackFile {
  path: string;
  bytes: Buffer;
}

export interface Manifest {
  format: string;
  title: string;
  period: { from: string; to: string };
  asOf: string;
  filters: Record<string, string>;
  organisations: Array<{ ref: string; name: string }>;
  commissioner: { ref: string; name: string } | null;
  suppressionThreshold: number;
  unitCosts: EvidencePack['meta']['unitCosts'];
  feeTables: EvidencePack['meta']['feeTables'];
  softwareVersion: string;
  generatedAt: string;
  builtOn: string;
  inputsSha256: string;
  tables: Array<{ name: string; title: string; rows: number; note: string | null }>;
  files: Array<{ path: string; sha256: string; bytes: number }>;
}

export interface RenderedPack {
  files: PackFile[];
  manifest: Manifest;
}

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The pack's checksum of inputs: everything but the build date (the same records and choices, the same hash). */
export function inputsHash(pack: EvidencePack): string {
  const { builtOn: _builtOn, ...meta } = pack.meta;
  return sha256(canonicalJson({ ...pack, meta }));
}

export async function renderPack(pack: EvidencePack, options: { pdfCompress?: boolean } = {}): Promise<RenderedPack> {
  const inputsSha256 = inputsHash(pack);
  const [xlsx, pdf] = await Promise.all([
    packXlsx(pack, inputsSha256),
    packPdf(pack, inputsSha256, { compress: options.pdfCompress }),
  ]);
  const files: PackFile[] = [
    ...pack.tables.map((table) => ({ path: `csv/${table.name}.csv`, bytes: tableCsv(table) })),
    { path: 'evidence-pack.pdf', bytes: pdf },
    { path: 'evidence-pack.xlsx', bytes: xlsx },
  ];
  const { meta } = pack;
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    title: meta.title,
    period: meta.period,
    asOf: meta.asOf,
    filters: meta.filters,
    organisations: meta.organisations,
    commissioner: meta.commissioner,
    suppressionThreshold: meta.threshold,
    unitCosts: meta.unitCosts,
    feeTables: meta.feeTables,
    softwareVersion: meta.softwareVersion,
    generatedAt: meta.generatedAt,
    builtOn: meta.builtOn,
    inputsSha256,
    tables: pack.tables.map((t) => ({ name: t.name, title: t.title, rows: t.rows.length, note: t.note })),
    files: files.map((f) => ({ path: f.path, sha256: sha256(f.bytes), bytes: f.bytes.length })),
  };
  const manifestFile = { path: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') };
  return { files: [...files, manifestFile], manifest };
}

/** Every file of the pack in one archive, or only the CSV files and the manifest. */
export function packZip(rendered: RenderedPack, only?: 'csv'): Buffer {
  const files =
    only === 'csv'
      ? rendered.files.filter((f) => f.path.startsWith('csv/') || f.path === 'manifest.json')
      : rendered.files;
  return createZip(files, new Date(rendered.manifest.generatedAt));
}
