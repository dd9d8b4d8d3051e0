import base from './jest.config.mjs';

/** Slow fault and load tests, kept out of `npm test`: `npm run test:resilience`. */
export default {
  ...base,
  testMatch: ['**/*.resilience.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 900000,
  maxWorkers: 1,
};
