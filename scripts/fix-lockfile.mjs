// Run after any `npm install` that changes `next`. The registry this project installs from
// has no macOS/Windows builds of @next/swc, so `npm install` leaves them out of the lockfile
// while `next` still lists them as optional dependencies, and `npm ci` then refuses the
// lockfile ("Missing: @next/swc-darwin-arm64 from lock file"). Dropping the optional
// dependencies that have no lockfile entry makes the lockfile self-consistent again.
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
let dropped = 0
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
    const nested = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`
    if (!lock.packages[nested] && !lock.packages[`node_modules/${dep}`]) {
      delete pkg.optionalDependencies[dep]
      dropped++
    }
  }
}
if (dropped) writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`fix-lockfile: dropped ${dropped} unresolvable optional dependencies`)
