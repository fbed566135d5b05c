// npm run bench [-- <folder of transcripts>]
// Import time for a whole corpus against raw better-sqlite3 inserts of the same sentences;
// relevance (known items and their typo versions, ours against plain sentence-level FTS5 bm25,
// scripts/bench/search-quality.ts); /api/search latency over HTTP (1 and 8 clients) on a
// realistic query mix against the same searches run in-process and a naive node:http FTS5
// server (scripts/bench/naive-fts-server.ts), with throughput and worker memory; and the same
// route through Next's router (WEB_DIRECT_ROUTES=off), which `npm start` no longer uses for it
// (docs/decisions/0027).
// Reads ../shared/corpus/talkpython-vtt.tar.gz when no folder is given. Prints a table and
// writes bench-results/search-and-import.json.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { text } from 'node:stream/consumers'
import { join, resolve } from 'node:path'
import { migrateDatabase } from '@/lib/db/migrate'
import { importTranscript } from '@/lib/import/import-transcript'
import { searchTranscripts } from '@/lib/search/search'
import { openSqlite } from '@/lib/db/sqlite'
import { readTranscript } from '@/lib/transcripts/parse'
import { collectTranscriptFiles } from '@/scripts/lib/import-args'
import { buildIsStale } from '@/scripts/lib/build-freshness'
import { percentile, waitForHttp } from '@/scripts/bench/measure'
import type { LoadJob, LoadResult } from '@/scripts/bench/load-client'
import {
  buildKnownItems,
  buildQueryMix,
  relevanceOfOurs,
  relevanceOfPlainFts,
  type KnownItem,
} from '@/scripts/bench/search-quality'

/** Requests per measured HTTP run (the query mix, repeated). */
const REQUESTS = 1200
const BENCH_PORT = 3199
const NAIVE_PORT = 3198

function corpusFolder(scratch: string): string {
  const given = process.argv[2]
  if (given) return resolve(given)
  const archive = resolve('../shared/corpus/talkpython-vtt.tar.gz')
  if (!existsSync(archive)) throw new Error(`no corpus: pass a folder, or provide ${archive}`)
  const folder = join(scratch, 'corpus')
  mkdirSync(folder)
  execFileSync('tar', ['xzf', archive, '-C', folder])
  return folder
}

function freshDatabase(scratch: string, name: string): string {
  const path = join(scratch, `${name}.db`)
  migrateDatabase(`file:${path}`)
  return path
}

function timeImport(files: string[], databasePath: string) {
  const db = openSqlite(databasePath)
  const startedAt = performance.now()
  let sentences = 0
  let failures = 0
  const episodes: { path: string; slug: string }[] = []
  for (const file of files) {
    try {
      const summary = importTranscript(
        db,
        { name: file, content: readFileSync(file) },
        { showSlug: 'talk-python' },
      )
      sentences += summary.sentences
      episodes.push({ path: file, slug: summary.episodeSlug })
    } catch (error) {
      failures++
      console.error(`import failed: ${file}: ${(error as Error).message}`)
    }
  }
  const seconds = (performance.now() - startedAt) / 1000
  db.close()
  return { seconds, sentences, failures, episodes }
}

// The floor: the same sentences, already parsed, written with prepared statements in one transaction.
function timeRawInserts(files: string[], databasePath: string) {
  const parsed = files.map((file) => readTranscript(readFileSync(file)))
  const db = openSqlite(databasePath)
  const show = db.prepare(`INSERT INTO Show (slug, title) VALUES ('raw', 'Raw')`)
  const episode = db.prepare(`INSERT INTO Episode (showId, slug, title) VALUES (1, ?, ?)`)
  const segment = db.prepare(`INSERT INTO Segment (episodeId, position, startMs) VALUES (?, 0, 0)`)
  const sentence = db.prepare(
    `INSERT INTO Sentence (episodeId, segmentId, position, startMs, endMs, speaker, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const startedAt = performance.now()
  db.transaction(() => {
    show.run()
    parsed.forEach((transcript, index) => {
      const episodeId = Number(episode.run(`e${index}`, `E${index}`).lastInsertRowid)
      const segmentId = Number(segment.run(episodeId).lastInsertRowid)
      let position = 0
      for (const group of transcript.segments)
        for (const s of group.sentences)
          sentence.run(episodeId, segmentId, position++, s.startMs, s.endMs, s.speaker, s.text)
    })
  })()
  const seconds = (performance.now() - startedAt) / 1000
  db.close()
  return { seconds }
}

function timeDirectSearch(databasePath: string, queries: string[], rounds = 3) {
  const db = openSqlite(databasePath, { readonly: true })
  for (const q of queries) searchTranscripts(db, { q, limit: 20 }) // warm up (vocabulary, caches)
  const latenciesMs: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const startedAt = performance.now()
      searchTranscripts(db, { q, limit: 20 })
      latenciesMs.push(performance.now() - startedAt)
    }
  }
  db.close()
  return latenciesMs
}

// Resident memory of a process's children (the cluster's workers), the largest, in MB.
function largestChildRssMb(parentPid: number): number {
  try {
    const children = readFileSync(`/proc/${parentPid}/task/${parentPid}/children`, 'utf8').trim().split(/\s+/)
    const rss = [parentPid, ...children.filter(Boolean).map(Number)].map((pid) => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
    })
    return Math.max(...rss)
  } catch {
    return Number.NaN
  }
}

interface ServerRun {
  latenciesMs: number[]
  requestsPerSecond: number
  workerRssMb: number
}

/** Starts a server, warms it with the mix, then sends REQUESTS with `clients` in flight (scripts/bench/load-client.ts). */
async function timeServer(
  server: { args: string[]; env: Record<string, string>; port: number; health: string },
  queries: string[],
  clients: number,
  path: (q: string) => string,
  expectedStatus = 200,
): Promise<ServerRun> {
  const child = spawn(process.execPath, server.args, {
    env: { ...process.env, ...server.env },
    stdio: 'ignore',
  })
  try {
    await waitForHttp(`http://127.0.0.1:${server.port}${server.health}`, 60_000)
    const load = await runLoadClient({
      port: server.port,
      clients,
      paths: queries.map(path),
      requests: REQUESTS,
      expectedStatus,
    })
    return {
      latenciesMs: load.latenciesMs,
      requestsPerSecond: REQUESTS / load.seconds,
      workerRssMb: largestChildRssMb(child.pid!),
    }
  } finally {
    // Wait for the exit only if it has not happened yet (an 'exit' already fired never fires again).
    const exited = child.exitCode !== null || child.signalCode !== null
    const gone = exited ? Promise.resolve() : new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await gone
  }
}

// The requests go out from a process of their own (scripts/bench/load-client.ts), not from this
// one's large heap, whose collections would pause the client.
async function runLoadClient(job: LoadJob): Promise<LoadResult> {
  const client = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/load-client.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const output = text(client.stdout)
  client.stdin.end(JSON.stringify(job))
  const code = await new Promise<number | null>((done, fail) => {
    client.once('exit', done)
    client.once('error', fail)
  })
  if (code !== 0) throw new Error(`load client exited with ${code}`)
  return JSON.parse(await output) as LoadResult
}

// The production web server (scripts/web-cluster.ts), as `npm start` runs it; `throughNext`
// turns the worker's direct routes off, so Next routes /api/search like any other request.
function ourServer(databasePath: string, throughNext = false) {
  return {
    // As scripts/start.ts runs it: Next chooses its own export conditions per layer.
    args: ['--import', 'tsx', 'scripts/web-cluster.ts'],
    env: {
      DATABASE_URL: `file:${databasePath}`,
      PORT: String(BENCH_PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      WEB_DIRECT_ROUTES: throughNext ? 'off' : 'on',
    },
    port: BENCH_PORT,
    health: '/api/health',
  }
}

function naiveServer(databasePath: string) {
  return {
    args: ['--conditions=react-server', '--import', 'tsx', 'scripts/bench/naive-fts-server.ts'],
    env: { DATABASE_PATH: databasePath, PORT: String(NAIVE_PORT) },
    port: NAIVE_PORT,
    health: '/search?q=ok',
  }
}

const apiPath = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=20`
const naivePath = (q: string) => `/search?q=${encodeURIComponent(q)}`

// Typo correction's cost: the typo queries against the same queries spelt right, in-process.
function typoOverhead(databasePath: string, items: KnownItem[]) {
  const clean = stats(
    timeDirectSearch(
      databasePath,
      items.map((item) => item.q),
      1,
    ),
  )
  const typos = stats(
    timeDirectSearch(
      databasePath,
      items.map((item) => item.typo),
      1,
    ),
  )
  return { cleanP50: clean.p50, typoP50: typos.p50, addedP50: typos.p50 - clean.p50 }
}

// Acceptance check: a distinctive phrase from any episode finds that episode at the right time.
// Picks PHRASE_CHECKS sentences spread over the corpus (deterministically), searches six of their
// words as a quoted phrase, and looks for the same sentence among the hits.
const PHRASE_CHECKS = 100

function checkPhrases(databasePath: string) {
  const db = openSqlite(databasePath, { readonly: true })
  const candidates = db
    .prepare(
      `SELECT s.id, s.startMs, s.text, e.slug FROM Sentence s JOIN Episode e ON e.id = s.episodeId
       WHERE length(s.text) BETWEEN 60 AND 200 AND s.id % 97 = 0 ORDER BY s.id`,
    )
    .all() as { id: number; startMs: number; text: string; slug: string }[]
  const step = Math.max(1, Math.floor(candidates.length / PHRASE_CHECKS))
  const failures: string[] = []
  let checked = 0
  for (let index = 0; index < candidates.length && checked < PHRASE_CHECKS; index += step) {
    const sentence = candidates[index]!
    const phrase = sentence.text.split(/\s+/).slice(2, 8).join(' ').replaceAll('"', '')
    const outcome = searchTranscripts(db, { q: `"${phrase}"`, limit: 50 })
    // Only a distinctive phrase counts: one that most of the corpus does not also say.
    if (outcome.ok && outcome.total > 50) continue
    checked++
    const hit = outcome.ok
      ? outcome.hits.find((candidate) => candidate.sentence.id === sentence.id)
      : undefined
    if (!hit || hit.episode.slug !== sentence.slug || hit.sentence.startMs !== sentence.startMs) {
      failures.push(`${sentence.slug} @${sentence.startMs} ms: "${phrase}"`)
    }
  }
  db.close()
  return { checked, found: checked - failures.length, failures }
}

function stats(latenciesMs: number[]) {
  return { p50: percentile(latenciesMs, 50), p99: percentile(latenciesMs, 99), count: latenciesMs.length }
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'hearsay-bench-'))
  try {
    const folder = corpusFolder(scratch)
    const collected = collectTranscriptFiles([folder])
    if (!collected.ok) throw new Error(collected.message)
    const files = collected.files
    console.log(`corpus: ${files.length} files from ${folder}`)

    const importDb = freshDatabase(scratch, 'import')
    const imported = timeImport(files, importDb)
    const raw = timeRawInserts(files, freshDatabase(scratch, 'raw'))

    if (buildIsStale(process.cwd())) {
      console.log('building the app for the HTTP measurements…')
      execFileSync('npx', ['next', 'build'], { stdio: 'inherit' })
    }
    const phrases = checkPhrases(importDb)
    console.log(
      `phrase check: ${phrases.found} of ${phrases.checked} distinctive phrases found at their episode and time`,
    )
    for (const failure of phrases.failures) console.log(`  not found: ${failure}`)

    const db = openSqlite(importDb, { readonly: true })
    const items = buildKnownItems(db, imported.episodes)
    const relevance = {
      knownItems: items.length,
      ours: { clean: relevanceOfOurs(db, items, 'q'), typo: relevanceOfOurs(db, items, 'typo') },
      plainFts: { clean: relevanceOfPlainFts(db, items, 'q'), typo: relevanceOfPlainFts(db, items, 'typo') },
      examples: items.slice(0, 5),
    }
    const mix = buildQueryMix(db)
    db.close()

    console.log(`relevance measured on ${items.length} known items; timing ${mix.length} queries…`)
    const direct = stats(timeDirectSearch(importDb, mix))
    const typo = typoOverhead(importDb, items)
    const http1 = await timeServer(ourServer(importDb), mix, 1, apiPath)
    const http8 = await timeServer(ourServer(importDb), mix, 8, apiPath)
    const naive1 = await timeServer(naiveServer(importDb), mix, 1, naivePath)
    const naive8 = await timeServer(naiveServer(importDb), mix, 8, naivePath)
    // The cost of a request before any search: the route refusing an empty query (400), as the
    // worker answers it, and as Next does (routing, the proxy, a NextRequest, a web stream).
    const empty = () => '/api/search?q='
    const floor1 = await timeServer(ourServer(importDb), mix, 1, empty, 400)
    const floor8 = await timeServer(ourServer(importDb), mix, 8, empty, 400)
    const nextFloor1 = await timeServer(ourServer(importDb, true), mix, 1, empty, 400)
    const nextFloor8 = await timeServer(ourServer(importDb, true), mix, 8, empty, 400)
    const next1 = await timeServer(ourServer(importDb, true), mix, 1, apiPath)
    const next8 = await timeServer(ourServer(importDb, true), mix, 8, apiPath)

    const speed = {
      directMs: direct,
      http1Ms: stats(http1.latenciesMs),
      http8Ms: stats(http8.latenciesMs),
      naive1Ms: stats(naive1.latenciesMs),
      naive8Ms: stats(naive8.latenciesMs),
      floorHttp1Ms: stats(floor1.latenciesMs),
      floorHttp8Ms: statsWithRate(floor8),
      throughNext: {
        floorHttp1Ms: stats(nextFloor1.latenciesMs),
        floorHttp8Ms: statsWithRate(nextFloor8),
        http1Ms: stats(next1.latenciesMs),
        http8Ms: statsWithRate(next8),
        workerRssMb: next8.workerRssMb,
      },
      throughput8: { ours: http8.requestsPerSecond, naive: naive8.requestsPerSecond },
      workerRssMb: http8.workerRssMb,
      typo,
    }
    const results = {
      corpus: { files: files.length, sentences: imported.sentences, failures: imported.failures },
      phraseCheck: phrases,
      import: {
        seconds: imported.seconds,
        rawInsertSeconds: raw.seconds,
        ratio: imported.seconds / raw.seconds,
      },
      relevance,
      search: speed,
      queryMix: mix,
      goals: {
        importUnder60s: imported.seconds < 60,
        hitAt5Clean95: relevance.ours.clean.hitAt5 >= 0.95,
        hitAt5Typo85: relevance.ours.typo.hitAt5 >= 0.85,
        p50At1ClientMax5ms: speed.http1Ms.p50 <= 5,
        p99At8ClientsMax50ms: speed.http8Ms.p99 <= 50,
        throughputAtLeast2_5xNaive: speed.throughput8.ours >= 2.5 * speed.throughput8.naive,
        typoAddsMax3msP50: typo.addedP50 <= 3,
        workerUnder300MB: speed.workerRssMb < 300,
      },
    }
    printTable(results)
    mkdirSync('bench-results', { recursive: true })
    writeFileSync('bench-results/search-and-import.json', JSON.stringify(results, null, 2) + '\n')
    console.log('wrote bench-results/search-and-import.json')
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function printTable(r: {
  corpus: { files: number; sentences: number; failures: number }
  import: { seconds: number; rawInsertSeconds: number; ratio: number }
  relevance: {
    knownItems: number
    ours: Record<'clean' | 'typo', { hitAt5: number; atTime: number }>
    plainFts: Record<'clean' | 'typo', { hitAt5: number; atTime: number }>
  }
  search: {
    directMs: Stats
    http1Ms: Stats
    http8Ms: Stats
    naive1Ms: Stats
    naive8Ms: Stats
    floorHttp1Ms: Stats
    floorHttp8Ms: Stats & { requestsPerSecond: number }
    throughNext: {
      floorHttp1Ms: Stats
      floorHttp8Ms: Stats & { requestsPerSecond: number }
      http1Ms: Stats
      http8Ms: Stats & { requestsPerSecond: number }
      workerRssMb: number
    }
    throughput8: { ours: number; naive: number }
    workerRssMb: number
    typo: { cleanP50: number; typoP50: number; addedP50: number }
  }
  goals: Record<string, boolean>
}) {
  const ms = (value: number) => `${value.toFixed(2)} ms`
  const pct = (value: number) => value.toFixed(3)
  const s = r.search
  const rows: [string, string, string, string][] = [
    [
      `import ${r.corpus.files} files, ${r.corpus.sentences} sentences (${r.corpus.failures} failed)`,
      `${r.import.seconds.toFixed(1)} s`,
      `raw inserts ${r.import.rawInsertSeconds.toFixed(1)} s`,
      `${r.import.ratio.toFixed(2)}×`,
    ],
    ...(['clean', 'typo'] as const).flatMap((set): [string, string, string, string][] => [
      [
        `known items (${r.relevance.knownItems}), ${set}: hit@5`,
        pct(r.relevance.ours[set].hitAt5),
        `plain FTS5 ${pct(r.relevance.plainFts[set].hitAt5)}`,
        '',
      ],
      [
        `known items, ${set}: hit within ±30 s in top 5`,
        pct(r.relevance.ours[set].atTime),
        `plain FTS5 ${pct(r.relevance.plainFts[set].atTime)}`,
        '',
      ],
    ]),
    ['in-process search p50 / p99 (query mix)', `${ms(s.directMs.p50)} / ${ms(s.directMs.p99)}`, '', ''],
    [
      'GET /api/search?q= (400, no search) p50, 1 client: the floor',
      ms(s.floorHttp1Ms.p50),
      `through Next ${ms(s.throughNext.floorHttp1Ms.p50)}`,
      ratio(s.floorHttp1Ms.p50, s.throughNext.floorHttp1Ms.p50),
    ],
    [
      'the floor, 8 clients: p50 / p99, throughput',
      `${ms(s.floorHttp8Ms.p50)} / ${ms(s.floorHttp8Ms.p99)}, ${s.floorHttp8Ms.requestsPerSecond.toFixed(0)} req/s`,
      `through Next ${ms(s.throughNext.floorHttp8Ms.p50)} / ${ms(s.throughNext.floorHttp8Ms.p99)}, ${s.throughNext.floorHttp8Ms.requestsPerSecond.toFixed(0)} req/s`,
      '',
    ],
    [
      '/api/search through Next (WEB_DIRECT_ROUTES=off): p50 1 client; p50 / p99, throughput 8 clients',
      `${ms(s.throughNext.http1Ms.p50)}; ${ms(s.throughNext.http8Ms.p50)} / ${ms(s.throughNext.http8Ms.p99)}, ${s.throughNext.http8Ms.requestsPerSecond.toFixed(0)} req/s`,
      `as npm start serves it ${ms(s.http1Ms.p50)}; ${ms(s.http8Ms.p50)} / ${ms(s.http8Ms.p99)}, ${s.throughput8.ours.toFixed(0)} req/s`,
      '',
    ],
    [
      '/api/search p50, 1 client',
      ms(s.http1Ms.p50),
      `naive ${ms(s.naive1Ms.p50)}`,
      ratio(s.http1Ms.p50, s.naive1Ms.p50),
    ],
    [
      '/api/search p50, 8 clients',
      ms(s.http8Ms.p50),
      `naive ${ms(s.naive8Ms.p50)}`,
      ratio(s.http8Ms.p50, s.naive8Ms.p50),
    ],
    [
      '/api/search p99, 8 clients',
      ms(s.http8Ms.p99),
      `naive ${ms(s.naive8Ms.p99)}`,
      ratio(s.http8Ms.p99, s.naive8Ms.p99),
    ],
    [
      'throughput, 8 clients',
      `${s.throughput8.ours.toFixed(0)} req/s`,
      `naive ${s.throughput8.naive.toFixed(0)} req/s`,
      ratio(s.throughput8.ours, s.throughput8.naive),
    ],
    [
      'typo correction, added p50 (in-process)',
      ms(s.typo.addedP50),
      `typo ${ms(s.typo.typoP50)} vs clean ${ms(s.typo.cleanP50)}`,
      '',
    ],
    [
      'largest server process RSS after the 8-client run',
      `${s.workerRssMb.toFixed(0)} MB`,
      `through Next ${s.throughNext.workerRssMb.toFixed(0)} MB`,
      '',
    ],
  ]
  console.log(`\n| measure | value | baseline | ratio |`)
  console.log(`| --- | --- | --- | --- |`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
  console.log('\ngoals:')
  for (const [goal, held] of Object.entries(r.goals)) console.log(`  ${held ? 'holds' : 'MISSED'}  ${goal}`)
}

type Stats = ReturnType<typeof stats>

/** A server run's latency figures and its throughput. */
function statsWithRate(run: ServerRun): Stats & { requestsPerSecond: number } {
  return { ...stats(run.latenciesMs), requestsPerSecond: run.requestsPerSecond }
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`
}

await main()
