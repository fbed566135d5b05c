// The API and integration suites again, on a real libSQL server (sqld) instead of the file
// (`npm run test:sqld`, part of `npm test`): each test gets a sqld of its own, started from a
// migrated template (tests/support/sqld.ts, tests/support/database.ts). Unit tests of pure logic
// and the file-only parts (Litestream replication, restore) run once, in vitest.config.ts. No
// coverage here: the first run measures it, and this one is about the engine.
import { defineConfig } from 'vitest/config'
import base from './vitest.config'

// Read by global setup (this process) and by tests/support/database.ts (the forked workers).
process.env.HEARSAY_TEST_ENGINE = 'sqld'

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/*.test.ts',
      'tests/api/**/*.test.ts',
      'tests/publish/**/*.test.ts',
      'tests/quote-card/**/*.test.ts',
      // Feeds through the real fixture server: the raw SQL with named parameters (feed-store.ts).
      'lib/feeds/operations.test.ts',
    ],
    coverage: { ...base.test?.coverage, enabled: false },
  },
})
