import base from './jest.config.mjs';

/**
 * The database-touching suites on a Citus cluster (`npm run citus:start`, then
 * `npm run test:citus`), plus the routing proof (*.citus.spec.ts); kept out of `npm test`.
 * DATABASE_URL names the coordinator (default: the one citus:start makes); each test file makes
 * its database on every node (test/database.ts). What cannot pass on a cluster: docs/scaling.md.
 */
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:9700/postgres';

export default {
  ...base,
  testMatch: ['**/*.citus.spec.ts', '**/*.e2e.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.resilience\\.spec\\.ts$'],
  maxWorkers: 1,
  testTimeout: 180000,
};
