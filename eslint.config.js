import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vitest from '@vitest/eslint-plugin'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'lib/generated/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      '.tmp/**',
      'bench-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A name that hides another, or is declared twice, is a bug waiting to happen.
      'no-shadow': 'off',
      '@typescript-eslint/no-shadow': ['error', { hoist: 'all' }],
      'no-redeclare': 'off',
      '@typescript-eslint/no-redeclare': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // TypeScript reports undefined names in .ts files; the few .js/.mjs files run on Node.
      'no-undef': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // One database layer, two engines (docs/decisions/0022): only lib/db chooses and opens the
    // drivers; the Litestream-format replicator works on the file itself; tests and benchmarks
    // may open what they measure.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      'lib/db/**',
      'lib/replication/**',
      'scripts/bench/**',
      'tests/**',
      'e2e/**',
      '**/*.test.ts',
      'prisma.config.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['better-sqlite3', 'libsql', '@prisma/adapter-better-sqlite3', '@prisma/adapter-libsql'].map(
            (name) => ({
              name,
              message:
                'Open the database through lib/db (client.ts, sqlite.ts): feature code does not know the engine.',
            }),
          ),
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.test.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/no-identical-title': 'error',
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
      'vitest/expect-expect': 'error',
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'playwright/no-focused-test': 'error',
      'playwright/no-skipped-test': 'error',
      'playwright/no-identical-title': 'error',
    },
  },
)
