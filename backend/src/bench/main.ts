/**
 * `npm run bench [-- --cases N | --quick]`: generates casework with the seed generator, imports it,
 * and measures every speed target of issues 3, 4, 6, 7 and 8 on this machine — each figure a
 * summary of several runs beside its target. Prints a table and writes
 * bench-results/bench-<cases>.json. docs/benchmarks.md keeps the latest full-size figures.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { REPO_ROOT } from '../config/config.js';
import { benchApi } from './api-bench.js';
import { startServices } from './app-context.js';
import { benchDashboard } from './dashboard-bench.js';
import { openBenchDatabase } from './bench-database.js';
import { measureBundle } from './bundle-size.js';
import { benchEvidence } from './evidence-bench.js';
import { generateFile, generatorOptions, importFile } from './import-bench.js';
import { parseBenchOptions, type BenchOptions } from './options.js';
import { benchManagerReports } from './manager-reports-bench.js';
import { benchModel, benchReports } from './report-bench.js';
import { formatTable, resultRows, type BenchResults } from './results.js';
import { benchStart } from './start-bench.js';
import { benchConfig } from '../config/bench-config.js';
import { timed } from './stats.js';
import { benchSheetImport } from './sheet-bench.js';
import { benchSearch } from './search-bench.js';
import { measureStorage } from './storage.js';

const log = (message: string) => process.stderr.write(`${message}\n`);

/** The organisation to measure when the import step is skipped (a kept or external database). */
async function largestOrganisation(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query(
    `SELECT organisation_id AS id FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  if (!row) throw new Error('the database has no cases: run the import step');
  return row.id;
}

async function run(options: BenchOptions): Promise<BenchResults> {
  const started = new Date();
  const loadAtStart = os.loadavg()[0];
  const db = await openBenchDatabase(log);
  const services = await startServices(db.url);
  const dataSource = services.get(DataSource);
  const partial: Omit<BenchResults, 'rows'> = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    date: started.toISOString(),
    cases: options.cases,
    machine: {
      cores: os.availableParallelism(),
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      postgres: db.serverVersion,
      loadAtStart,
      loadAtEnd: 0,
    },
  };
  const steps = options.steps;
  try {
    let organisationId: string;
    if (steps.has('import')) {
      const k = options.organisations;
      log(`Generating ${options.cases.toLocaleString('en-GB')} cases${k > 1 ? ` in ${k} organisations` : ''}…`);
      const each = Array.from({ length: k }, (_, i) =>
        generatorOptions(Math.floor(options.cases / k) + (i < options.cases % k ? 1 : 0), i + 1, k),
      );
      const figures: Array<Awaited<ReturnType<typeof importFile>>> = [];
      let generateSeconds = 0;
      let fileMb = 0;
      for (const generator of each) {
        const file = await generateFile(db.workDir, generator, log);
        generateSeconds += file.seconds;
        fileMb += file.mb;
        log(`Importing ${file.mb} MB…`);
        figures.push(await importFile(services, file.file, log, db.pgDir));
        if (!options.keep) fs.rmSync(file.file, { force: true });
      }
      // As autovacuum would before long: fresh statistics for the planner, visibility for index-only scans.
      const analyze = await timed(() => dataSource.query('VACUUM ANALYZE'));
      const sum = (f: (x: (typeof figures)[number]) => number) => figures.reduce((t, x) => t + f(x), 0);
      partial.import = {
        importSeconds: sum((x) => x.importSeconds),
        rss: {
          ...figures[figures.length - 1].rss,
          startMb: figures[0].rss.startMb,
          peakMb: Math.max(...figures.map((x) => x.rss.peakMb)),
        },
        cases: sum((x) => x.cases),
        timeEntries: sum((x) => x.timeEntries),
        organisationId: figures[0].organisationId,
        generator: each[0],
        organisations: k,
        generateSeconds,
        fileMb,
        analyzeSeconds: analyze.ms / 1000,
        cpu: {
          node: sum((x) => x.cpu.node),
          postgres: figures.some((x) => x.cpu.postgres === null) ? null : sum((x) => x.cpu.postgres ?? 0),
        },
        phases: figures.reduce<Record<string, number>>((all, x) => {
          for (const [phase, seconds] of Object.entries(x.phases)) all[phase] = (all[phase] ?? 0) + seconds;
          return all;
        }, {}),
      };
      organisationId = figures[0].organisationId;
      const imported = partial.import;
      log(
        `  ${imported.importSeconds.toFixed(1)} s, peak RSS ${imported.rss.peakMb} MB, CPU: Node ${imported.cpu.node} s, PostgreSQL ${imported.cpu.postgres ?? '?'} s`,
      );
      for (const [phase, seconds] of Object.entries(imported.phases)) log(`    ${phase}: ${seconds.toFixed(1)} s`);
    } else {
      const needsCases = ['reports', 'model', 'evidence', 'api', 'dashboard'].some((s) => steps.has(s as never));
      organisationId = needsCases ? await largestOrganisation(dataSource) : '';
    }
    if (steps.has('reports')) {
      log('Time against outcome: roll-ups, case facts and the raw tables…');
      partial.reports = await benchReports(services, organisationId, options, log);
      log('The other manager reports: served, and computed from the facts…');
      partial.managerReports = await benchManagerReports(services, organisationId, options, log);
    }
    if (steps.has('model')) {
      log('Adjusted model…');
      partial.model = await benchModel(services, organisationId, options, log);
    }
    if (steps.has('evidence')) {
      log('Evidence pack…');
      try {
        const [period] = await dataSource.query(
          `SELECT min(opened_on)::text AS "from", max(coalesce(closed_on, opened_on))::text AS "to" FROM cases WHERE organisation_id = $1`,
          [organisationId],
        );
        partial.evidence = await benchEvidence(services, organisationId, db.workDir, {
          runs: options.quick ? 2 : options.cases >= 500_000 ? 3 : 5,
          period,
        });
      } catch (error) {
        partial.evidenceError = error instanceof Error ? error.message : String(error);
        log(`  not measured: ${partial.evidenceError}`);
      }
    }
    partial.storage = await measureStorage(dataSource);
    if (steps.has('sheet')) {
      const rows = options.quick ? 5000 : 100_000;
      log(`Spreadsheet import: ${rows.toLocaleString('en-GB')} CSV rows beside the same casework as JSON…`);
      partial.sheet = await benchSheetImport(services, db.workDir, rows, log);
    }
    if (steps.has('search')) {
      const people = options.quick ? 20_000 : 1_000_000;
      log(`Find a client or party: ${people.toLocaleString('en-GB')} clients and as many parties in one organisation…`);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        partial.search = await benchSearch(services, client, { people, queries: options.quick ? 60 : 300 }, log);
      } finally {
        await client.end();
      }
    }
    if (steps.has('api')) {
      log('Record-a-session API under load…');
      partial.api = await benchApi(
        services,
        db.appUrl,
        db.url,
        organisationId,
        {
          requests: options.loadRequests,
          rounds: options.quick ? 1 : 3,
          closes: options.quick ? 20 : 100,
          pgDir: db.pgDir,
        },
        log,
      );
    }
    if (steps.has('dashboard')) {
      log('Manager dashboard in Chromium…');
      partial.dashboard = await benchDashboard(
        services,
        db.appUrl,
        organisationId,
        { coldRuns: options.quick ? 2 : 5, warmRuns: options.quick ? 3 : 10 },
        log,
      );
    }
  } finally {
    await services.close();
    await db.close({ keep: options.keep });
  }
  if (steps.has('start')) {
    log('Cold and warm start…');
    const dir = fs.mkdtempSync(path.join(benchConfig().workDir, 'deepvalue-start-'));
    fs.chmodSync(dir, 0o755);
    try {
      partial.start = await benchStart(dir, { runs: options.quick ? 1 : 3 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (steps.has('bundle')) partial.bundle = measureBundle();
  partial.machine.loadAtEnd = os.loadavg()[0];
  return { ...partial, rows: resultRows(partial) };
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  log(`Deep Value benchmark: ${options.cases.toLocaleString('en-GB')} cases, ${os.availableParallelism()} cores`);
  const results = await run(options);
  const dir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${options.cases}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  process.stdout.write(
    `\nDeep Value benchmark, ${options.cases.toLocaleString('en-GB')} cases — ${results.date.slice(0, 16)}Z, ` +
      `${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}, ` +
      `load ${m.loadAtStart.toFixed(1)} → ${m.loadAtEnd.toFixed(1)}\n\n${formatTable(results.rows)}\n\nWrote ${path.relative(process.cwd(), file)}\n`,
  );
}

main().catch((error) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
