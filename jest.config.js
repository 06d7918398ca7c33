// One jest setup for every package: TypeScript through ts-jest in ESM mode
// (the @actions/* packages are ESM-only). Type checking is `pnpm typecheck`'s job,
// so tests transpile only. Unit and integration tests are separate projects.
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testEnvironment: 'node',
};

export default {
  // A project's own testTimeout is not applied by jest 30: the integration budget is set here.
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      setupFiles: ['<rootDir>/__tests__/unit/quiet-runner.cjs'],
      testMatch: ['<rootDir>/packages/*/__tests__/**/*.test.ts', '<rootDir>/actions/*/__tests__/**/*.test.ts', '<rootDir>/__tests__/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/integration/global-setup.mjs',
      testTimeout: 120000,
    },
  ],
};
