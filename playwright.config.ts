import { defineConfig, devices } from '@playwright/test'
import { chromiumExecutablePath } from './e2e/support/chromium'
import { E2E_DATABASE_URL, E2E_DIR, E2E_REPLICA_FOLDER } from './e2e/support/paths'

// The e2e run serves the real app the way `npm start` does (migrate, demo data, build when
// stale, next start) on its own port and its own fresh database file.
const PORT = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${PORT}`
const executablePath = chromiumExecutablePath()
// The e2e server replicates to a folder, as a deployment would to a bucket, so every comment
// the specs post waits for its durable acknowledgement (e2e/replication.spec.ts restores it).

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // After the webServer answers: one account service for the run, which createUser() asks for
  // accounts instead of a `npm run user` process each (e2e/support/global-setup.ts). Its
  // returned function, the global teardown, stops it.
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Chromium's background services try to reach Google, which this network refuses.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // The listening specs play the demo episode's audio without a click first, silently.
        '--autoplay-policy=no-user-gesture-required',
        '--mute-audio',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] }, testIgnore: '**/*.phone.spec.ts' },
    { name: 'phone', use: { ...devices['Pixel 7'] }, testMatch: '**/*.phone.spec.ts' },
  ],
  webServer: {
    command: `rm -rf ${E2E_DIR} && node --conditions=react-server --import tsx scripts/start.ts`,
    url: `${baseURL}/api/health`,
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      REPLICA_URL: `file://${E2E_REPLICA_FOLDER}`,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      // e2e/studio.spec.ts adds a feed served by the fixture server on 127.0.0.1.
      FEED_ALLOW_PRIVATE: '1',
      // No background feed refresher (scripts/feed.ts watch) beside the tests: they refresh by hand.
      FEED_REFRESH_INTERVAL_MS: '0',
      // Every sign-in of the run comes from 127.0.0.1: at the default 10 a minute per address, the
      // specs (no longer spaced out by a CLI process per account) are refused "too fast". No spec
      // tests this limit (tests/api does); the comment limits, which one does, stay as they are.
      SIGN_IN_RATE_MAX: '1000',
    },
    reuseExistingServer: !process.env.CI,
    // The server builds the app first when the build is stale (always, in a clean clone): ~1.5 min
    // alone, several when the machine is shared.
    timeout: 480_000,
    stdout: 'pipe',
  },
})
