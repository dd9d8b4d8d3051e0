import base from './jest.config.mjs';

/**
 * The database-touching suites on a Citus cluster (`npm run citus:start`, then
 * `npm run test:citus`), plus the routing proof (*.citus.spec.ts); kept out of `npm test`.
 * DATABASE_URL names the coordinator (default: the one citus:start makes); each test file makes
 * its database on every node (test/database.ts).
 */
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:9700/postgres';

/** Suites that cannot run on a cluster, and why (docs/scaling.md, "Tests that cannot run on Citus"). */
export const CANNOT_RUN_FILES = {
  'src/database/schema.e2e.spec.ts':
    'compares the schema with the single-node schema.sql; the distribution step rewrites keys to include organisation_id',
  'src/database/migrations.e2e.spec.ts':
    'undoes every migration since the first deployment and applies them again; on the way back up the statement-level facts triggers of before 1764300000000 (transition tables) fire on tables a later migration distributed, which Citus cannot run. A cluster upgrade is proven by citus-upgrade.citus.spec.ts',
};

/** Single tests that cannot run on a cluster, by name, and why. */
export const CANNOT_RUN_TESTS = {};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const skippedTests = Object.keys(CANNOT_RUN_TESTS);

export default {
  ...base,
  testMatch: ['**/*.citus.spec.ts', '**/*.e2e.spec.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '\\.resilience\\.spec\\.ts$',
    ...Object.keys(CANNOT_RUN_FILES).map((file) => `/${escape(file)}$`),
  ],
  ...(skippedTests.length ? { testNamePattern: `^(?!.*(?:${skippedTests.map(escape).join('|')})).*$` } : {}),
  testEnvironment: '<rootDir>/test/citus-environment.mjs',
  maxWorkers: 1,
  testTimeout: 900000,
};
