/**
 * Evidence pack (target ≤ 5 s for all formats at 1,000,000 cases): builds the pack for the
 * organisation over the whole generated period and renders XLSX, PDF, CSV and the manifest, as
 * `deepvalue evidence-pack` does (files written to a temporary directory). Beside it in the same run,
 * its straightforward twin (`build(…, { fromFacts: true })`: every figure counted from the facts, the
 * model fitted afresh), rendered and checked byte for byte against the pack; and the build and the
 * render timed apart.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { repeat, type Summary } from './stats.js';

export interface EvidenceFigures {
  time: Summary;
  /** The pack's build alone, and the render of one build. */
  build: Summary;
  render: Summary;
  /** The twin's build and render. */
  twin: Summary;
  /** twin p50 ÷ pack p50. */
  ratio: number;
  /** Every file the same bytes both ways. */
  agrees: boolean;
  files: number;
  megabytes: number;
  period: { from: string; to: string };
}

export async function benchEvidence(
  app: INestApplicationContext,
  organisationId: string,
  workDir: string,
  options: { runs: number; period: { from: string; to: string } },
): Promise<EvidenceFigures> {
  // Loaded here so the rest of the benchmark runs while the pack is being built by others.
  const { EvidencePackService } = await import('../evidence/evidence-pack.service.js');
  const { renderPack } = await import('../evidence/writers/render-pack.js');
  const [{ ref }] = await app.get(DataSource).query(`SELECT ref FROM organisations WHERE id = $1`, [organisationId]);
  const packs = app.get(EvidencePackService);
  const out = path.join(workDir, 'evidence-pack');
  let files = 0;
  let bytes = 0;
  const scope = await packs.scopeForRefs({ org: ref });
  const built = (fromFacts: boolean) => packs.build(scope, { ...options.period }, { fromFacts });
  const rendered = async (fromFacts: boolean) => renderPack(await built(fromFacts));
  const once = async () => {
    const pack = await rendered(false);
    await fs.mkdir(path.join(out, 'csv'), { recursive: true });
    for (const file of pack.files) await fs.writeFile(path.join(out, file.path), file.bytes);
    files = pack.files.length;
    bytes = pack.files.reduce((sum, f) => sum + f.bytes.length, 0);
  };
  const time = await repeat(once, { warmup: 1, runs: options.runs });
  const build = await repeat(() => built(false), { warmup: 0, runs: options.runs });
  const one = await built(false);
  const render = await repeat(() => renderPack(one), { warmup: 0, runs: options.runs });
  const twin = await repeat(() => rendered(true), { warmup: 0, runs: options.runs });
  const digest = (files: Array<{ path: string; bytes: Uint8Array }>) =>
    JSON.stringify(files.map((f) => [f.path, createHash('sha256').update(f.bytes).digest('hex')]));
  const agrees = digest((await rendered(false)).files) === digest((await rendered(true)).files);
  return {
    time,
    build,
    render,
    twin,
    ratio: Math.round((twin.p50 / Math.max(time.p50, 0.01)) * 10) / 10,
    agrees,
    files,
    megabytes: Math.round((bytes / (1024 * 1024)) * 100) / 100,
    period: options.period,
  };
}
