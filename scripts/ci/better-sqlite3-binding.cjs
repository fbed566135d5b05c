// Preloaded (NODE_OPTIONS=--require) by scripts/ci/vitest-on-node.sh when the suites run on a
// second Node major: better-sqlite3's compiled addon is tied to one Node ABI, and the project's
// node_modules holds the build for the Node that ran `npm ci`. This swaps in the build made for
// the running Node (HEARSAY_BETTER_SQLITE3_BINDING, from scripts/ci/node-from-npm.sh) whenever
// better-sqlite3 loads its addon, in every process and worker thread of the run (--require
// preloads run in workers; --import ones do not), and leaves everything else to Node.
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- a --require preload is CommonJS (see above) */
const { registerHooks } = require('node:module')
const { pathToFileURL } = require('node:url')

const binding = process.env.HEARSAY_BETTER_SQLITE3_BINDING
if (!binding) throw new Error('better-sqlite3-binding.cjs: HEARSAY_BETTER_SQLITE3_BINDING is not set')
if (typeof registerHooks !== 'function')
  throw new Error(`better-sqlite3-binding.cjs: Node ${process.version} has no module.registerHooks (≥ 22.15)`)

const bindingUrl = pathToFileURL(binding).href
// bindings (better-sqlite3's loader) requires the addon by this absolute path.
const PROJECT_BUILD = /[\\/]better-sqlite3[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (PROJECT_BUILD.test(specifier)) return { url: bindingUrl, format: 'addon', shortCircuit: true }
    return nextResolve(specifier, context)
  },
})
