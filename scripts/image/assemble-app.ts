// The app folder of the container image, from a standalone build (NEXT_OUTPUT=standalone
// next build): what `npm start` needs at run time and nothing else. Used by both
// scripts/build-image.sh (offline, buildah) and the Containerfile (Docker), so the two images
// hold the same files.
//
//   node --import tsx scripts/image/assemble-app.ts <out>     (from the project folder)
//
// <out> gets:
//   - the standalone build: .next (server), the node_modules Next traced for the web server;
//   - .next/static and public/, which Next leaves out of standalone on purpose (a CDN may serve them);
//   - the TypeScript the CLIs run through tsx (start, the web cluster, the replicator, import,
//     feed, user, …): exactly the files they import, found by esbuild, plus the data they read
//     (migrations, schema, demo episodes) and tsconfig.json (tsx resolves `@/` with it);
//   - the node_modules files those CLIs, tsx and the Prisma CLI (`migrate deploy`) need, traced
//     file by file with @vercel/nft, the tracer Next itself uses for standalone.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'

const require = createRequire(import.meta.url)

/**
 * The commands the image runs or offers (`docker exec … node … scripts/import.ts`, …), as in
 * package.json, and prisma.config.ts, which `prisma migrate deploy` loads.
 */
const IMAGE_COMMANDS = [
  'scripts/start.ts',
  'scripts/web-cluster.ts',
  'scripts/replicate.ts',
  'scripts/restore.ts',
  'scripts/replication.ts',
  'scripts/import.ts',
  'scripts/feed.ts',
  'scripts/user.ts',
  'scripts/transcript.ts',
  'prisma.config.ts',
] as const

/** Files read at run time rather than imported, so no tracer can find them. */
const DATA_FILES = [
  'package.json',
  'tsconfig.json',
  'prisma/schema.prisma',
  'prisma/migrations',
  'prisma/demo',
  'scripts/image/healthcheck.mjs',
]

/**
 * The web server's own entry (scripts/web-cluster.ts imports `next`): Next traced it for
 * standalone, leaving out its dev server, compilers and docs, which tracing it again would take
 * (~100 MB). Its subpaths (`next/server`, `next/headers`) are traced like any other import.
 */
const TRACED_BY_NEXT = ['next']

/** Entry points run by command rather than imported: tsx (`--import tsx`), the Prisma CLI. */
const TRACED_ENTRIES = ['tsx', 'prisma/build/index.js']

/**
 * Packages taken whole: each picks a file at run time by a computed name (a platform binary, a
 * WebAssembly engine), which file tracing cannot follow. The image is built for the machine
 * that assembles it (glibc Linux).
 */
const WHOLE_PACKAGES = [
  'prisma', // the CLI behind `migrate deploy`: one bundle that loads its .wasm engines by name
  `@esbuild/linux-${process.arch}`, // the esbuild binary tsx compiles the CLIs with
  `@libsql/linux-${process.arch}-gnu`, // libsql's native binding (DATABASE_URL=libsql://…)
]

interface NodeFileTrace {
  nodeFileTrace(
    files: string[],
    options: {
      base: string
      processCwd: string
      conditions: string[]
    },
  ): Promise<{ fileList: Set<string>; warnings: Set<Error> }>
}

/** Copies <root>/<path> to <out>/<path>, keeping what is there already. */
function copy(root: string, out: string, path: string, options: { optional?: boolean } = {}): void {
  const from = join(root, path)
  if (!existsSync(from)) {
    if (options.optional) return
    throw new Error(`${path} is missing from ${root}`)
  }
  mkdirSync(dirname(join(out, path)), { recursive: true })
  cpSync(from, join(out, path), { recursive: true, dereference: true, force: false, errorOnExist: false })
}

/** Our TypeScript the commands import, and the packages they import from it. */
async function commandSources(root: string): Promise<{ sources: string[]; packages: string[] }> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [...IMAGE_COMMANDS],
    bundle: true,
    write: false,
    outdir: 'out',
    platform: 'node',
    format: 'esm',
    packages: 'external',
    conditions: ['react-server'],
    metafile: true,
    logLevel: 'error',
  })
  const sources = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'))
  const packages = new Set<string>()
  for (const input of Object.values(result.metafile.inputs))
    for (const imported of input.imports)
      if (imported.external && !imported.path.startsWith('node:') && !imported.path.startsWith('.'))
        packages.add(imported.path)
  return { sources, packages: [...packages].sort() }
}

/** The node_modules files the given package entry points need, traced file by file. */
async function tracedPackageFiles(root: string, specifiers: string[]): Promise<string[]> {
  // One entry file importing every package, inside the project so it resolves as the CLIs do.
  const entry = join(root, `.image-trace-entry-${process.pid}.mjs`)
  writeFileSync(entry, specifiers.map((specifier) => `import ${JSON.stringify(specifier)}\n`).join(''))
  try {
    const { nodeFileTrace } = require('next/dist/compiled/@vercel/nft') as NodeFileTrace
    const { fileList } = await nodeFileTrace([entry], {
      base: root,
      processCwd: root,
      conditions: ['react-server', 'node'],
    })
    return [...fileList].filter((file) => file.startsWith('node_modules/'))
  } finally {
    rmSync(entry, { force: true })
  }
}

async function assemble(root: string, out: string): Promise<void> {
  const standalone = join(root, '.next', 'standalone')
  if (!existsSync(join(standalone, 'server.js')))
    throw new Error(`${standalone} has no standalone build: run NEXT_OUTPUT=standalone next build first`)
  if (existsSync(out)) throw new Error(`${out} exists: the app folder is assembled into a new folder`)

  const started = Date.now()
  // Standalone also copies project files the server's code reads by computed paths (lib/, app/
  // stylesheets, even tests/): the ones the commands need come below, the rest is not wanted.
  mkdirSync(out, { recursive: true })
  // verbatimSymlinks: Turbopack links .next/node_modules/<package>-<hash> to ../../node_modules.
  for (const path of ['.next', 'node_modules', 'package.json'])
    cpSync(join(standalone, path), join(out, path), { recursive: true, verbatimSymlinks: true })
  copy(root, out, '.next/static')
  copy(root, out, 'public', { optional: true })

  const { sources, packages } = await commandSources(root)
  for (const source of [...sources, ...DATA_FILES]) copy(root, out, source)

  const traced = await tracedPackageFiles(root, [
    ...packages.filter((specifier) => !TRACED_BY_NEXT.includes(specifier)),
    ...TRACED_ENTRIES,
  ])
  for (const file of traced) copy(root, out, file)
  for (const name of WHOLE_PACKAGES) copy(root, out, join('node_modules', name))

  console.log(
    `assemble-app: ${relative(root, out) || out}: ${sources.length} source files, ` +
      `${traced.length} traced node_modules files (${packages.length} packages imported), ` +
      `${Date.now() - started} ms`,
  )
}

const [target] = process.argv.slice(2)
if (!target) {
  console.error('usage: node --import tsx scripts/image/assemble-app.ts <out folder>')
  process.exitCode = 2
} else {
  try {
    await assemble(process.cwd(), resolve(target))
  } catch (error) {
    console.error(`assemble-app: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
