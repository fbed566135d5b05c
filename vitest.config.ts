import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'

const TEST_FILES = ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts']

// Vitest always adds the test-file patterns to coverage.exclude. We want the test files
// measured too (a test that never runs, or a loop over an exhausted iterator, shows up as
// uncovered lines), so take those patterns back out once the config is resolved.
function measureTestFiles(): Plugin {
  return {
    name: 'hearsay:measure-test-files',
    configureVitest({ vitest }) {
      const coverage = vitest.config.coverage as { exclude: string[] }
      coverage.exclude = coverage.exclude.filter((pattern) => !TEST_FILES.includes(pattern))
    },
  } as Plugin
}

export default defineConfig({
  plugins: [measureTestFiles()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // The marker package throws outside React Server Components; unit tests are server code.
      'server-only': fileURLToPath(new URL('./tests/support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    // Playwright's e2e/*.spec.ts stay out: they run under `playwright test`.
    include: TEST_FILES,
    environment: 'node',
    pool: 'forks',
    // One test file per core. Vitest's default leaves a core free (cores - 1: one worker on this
    // 2-core machine), but these files spend much of their time waiting on what they start (CLIs,
    // sqld, servers, Litestream) (docs/decisions/0026-ci-time.md). Each test has its own
    // database, folder and ports.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/support/global-setup.ts'],
    coverage: {
      provider: 'v8',
      // Test files are measured too: a test that never runs, or a loop over an exhausted
      // iterator, shows up as uncovered lines.
      include: ['lib/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'],
      exclude: ['lib/generated/**', 'scripts/bench/**'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
})
