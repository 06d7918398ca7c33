// Lint: typescript-eslint's type-aware recommended rules over every TypeScript source and test.
// Bundles, the bench's and scripts' plain JavaScript and the testbed are not linted here.
// examples/ are stand-alone projects (their own package.json/tsconfig, outside the root project).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'examples/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // In-memory fakes and test doubles implement async interfaces without awaiting anything;
    // `async` keeps them shaped like the real adapters (and turns throws into rejections).
    files: ['**/__tests__/**/*.ts', '**/*.test.ts', 'packages/adapters/src/fakes.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Tests parse the bundles' JSON outputs and step summaries and assert on fields directly;
    // typing every parsed fixture would add noise, not safety.
    files: ['**/__tests__/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
