// A standalone build (NEXT_OUTPUT=standalone, the container image: scripts/image/assemble-app.ts)
// carries no config loader: loading next.config.js needs Next's compiled webpack, which the
// standalone trace leaves out. Next's own standalone server.js hands the resolved config over in
// __NEXT_PRIVATE_STANDALONE_CONFIG instead; scripts/web-cluster.ts does the same with it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const STANDALONE_CONFIG = '__NEXT_PRIVATE_STANDALONE_CONFIG'

/** Sets the resolved config for Next when <projectRoot>/<distDir> holds a standalone build. */
export function applyStandaloneBuildConfig(projectRoot: string): void {
  if (process.env[STANDALONE_CONFIG]) return
  const file = join(projectRoot, process.env.NEXT_DIST_DIR ?? '.next', 'required-server-files.json')
  if (!existsSync(file)) return
  const { config } = JSON.parse(readFileSync(file, 'utf8')) as { config?: { output?: string } }
  if (config?.output === 'standalone') process.env[STANDALONE_CONFIG] = JSON.stringify(config)
}
