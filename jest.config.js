/**
 * Two projects:
 * - unit: pure tests beside the code (src/**\/*.spec.ts, console/src/**\/*.spec.ts); no database.
 * - db:   integration and end-to-end tests (test/**\/*.spec.ts) on real PostgreSQL.
 *         The global setup starts one embedded server for the run (or uses
 *         TEST_DATABASE_URL) and migrates a template database that each test
 *         file clones, so files run in parallel without seeing each other's rows.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts', '<rootDir>/console/src/**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'db',
      testEnvironment: 'node',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
      transform,
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/test/setup/after-env.ts'],
    },
  ],
  // The event-loop test first, the browser tests last (test/setup/test-sequencer.js).
  testSequencer: '<rootDir>/test/setup/test-sequencer.js',
  testTimeout: 60000,
  // Database tests wait on PostgreSQL more than on the CPU: three files at a time suit two cores.
  maxWorkers: 3,
};
