// Which Chromium the e2e tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// Playwright's own download (a normal laptop after `npx playwright install chromium`).
// With none of them, stop with a message that says what to install.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

export function chromiumExecutablePath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`)
    return fromEnv
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path))
  if (system) return system
  if (existsSync(chromium.executablePath())) return undefined
  throw new Error(
    'No Chromium for the end-to-end tests. Install one: `apt-get install -y chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium binary.',
  )
}
