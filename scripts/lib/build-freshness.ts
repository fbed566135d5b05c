// Whether the production build (in .next, or NEXT_DIST_DIR) is older than the sources it was built from.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

// proxy.ts is built into the app too (Next's request proxy).
const SOURCE_ROOTS = ['app', 'lib', 'proxy.ts', 'next.config.js', 'package-lock.json', 'tsconfig.json']
const SKIPPED = new Set(['generated', 'node_modules'])

export function buildIsStale(projectRoot: string): boolean {
  const buildId = join(projectRoot, process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const builtAtMs = statSync(buildId).mtimeMs
  return SOURCE_ROOTS.some((root) => newestMtimeMs(join(projectRoot, root)) > builtAtMs)
}

function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) {
    if (SKIPPED.has(entry) || entry.endsWith('.test.ts')) continue
    newest = Math.max(newest, newestMtimeMs(join(path, entry)))
  }
  return newest
}
