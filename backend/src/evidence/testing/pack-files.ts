/**
 * Reading a pack's files back in tests: the text of a PDF (content streams inflated, the hex strings
 * pdfkit writes decoded), every XML part of an XLSX, and CSV rows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { readZip } from '../writers/zip.js';

/** WinAnsi bytes 0x80–0x9F that differ from Latin-1. */
const WIN_ANSI: Record<number, string> = { 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”' };

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += WIN_ANSI[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

/** The text drawn on the pages: each TJ/Tj operator's strings joined, one operator per line. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  const pattern = /(?<!end)stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(zlib.inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
    pattern.lastIndex = end + 'endstream'.length;
  }
  const lines: string[] = [];
  for (const stream of streams) {
    for (const op of stream.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const parts = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : [op[2]];
      lines.push(parts.map(decodeHex).join(''));
    }
  }
  return lines.join('\n');
}

/** Text of the PDF as poppler's pdftotext reads it, or null when poppler-utils is not installed. */
export function popplerText(pdf: Buffer, options: { page?: number } = {}): string | null {
  const file = path.join(os.tmpdir(), `dv-pack-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  const pages = options.page ? ['-f', String(options.page), '-l', String(options.page)] : [];
  try {
    const result = spawnSync('pdftotext', ['-layout', ...pages, file, '-'], { encoding: 'utf8' });
    return result.error || result.status !== 0 ? null : result.stdout;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/** Every part of the workbook as text (sheets, shared strings, properties). */
export function xlsxText(xlsx: Buffer): string {
  return readZip(xlsx)
    .map((entry) => `${entry.path}\n${entry.bytes.toString('utf8')}`)
    .join('\n');
}

/** RFC 4180 rows (quotes, doubled quotes, commas and newlines inside quotes); drops a leading BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
