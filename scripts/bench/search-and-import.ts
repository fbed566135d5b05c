// npm run bench [-- <folder of transcripts>]
// Import time for a whole corpus against raw better-sqlite3 inserts of the same sentences, and
// /api/search latency over HTTP (1 and 8 clients) against the same searches run in-process.
// Reads ../shared/corpus/talkpython-vtt.tar.gz when no folder is given. Prints a table and
// writes bench-results/search-and-import.json.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { migrateDatabase } from '@/lib/db/migrate'
import { importTranscript } from '@/lib/import/import-transcript'
import { searchTranscripts } from '@/lib/search/search'
import { openSqlite } from '@/lib/db/sqlite'
import { readTranscript } from '@/lib/transcripts/parse'
import { collectTranscriptFiles } from '@/scripts/lib/import-args'
import { buildIsStale } from '@/scripts/lib/build-freshness'
import { keepAliveClient, percentile, runConcurrently, waitForHttp } from '@/scripts/bench/measure'

const QUERY_MIX = [
  'python',
  'async await',
  '"type hints"',
  'django -flask',
  'pand*',
  'database migrations',
  '"machine learning"',
  'pytest fixtures',
  'rust',
  'web assembly',
]
const REQUESTS_PER_CLIENT = 60
const BENCH_PORT = 3199

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
  for (const file of files) {
    try {
      sentences += importTranscript(
        db,
        { name: file, content: readFileSync(file) },
        { showSlug: 'talk-python' },
      ).sentences
    } catch (error) {
      failures++
      console.error(`import failed: ${file}: ${(error as Error).message}`)
    }
  }
  const seconds = (performance.now() - startedAt) / 1000
  db.close()
  return { seconds, sentences, failures }
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

function timeDirectSearch(databasePath: string) {
  const db = openSqlite(databasePath, { readonly: true })
  const latenciesMs: number[] = []
  for (let round = 0; round < REQUESTS_PER_CLIENT; round++) {
    for (const q of QUERY_MIX) {
      const startedAt = performance.now()
      searchTranscripts(db, { q, limit: 20 })
      latenciesMs.push(performance.now() - startedAt)
    }
  }
  db.close()
  return latenciesMs
}

async function timeHttpSearch(databasePath: string, clients: number, path?: (q: string) => string) {
  // The production web server (scripts/web-cluster.ts), as `npm start` runs it.
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/web-cluster.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${databasePath}`,
      PORT: String(BENCH_PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  })
  try {
    const base = `http://127.0.0.1:${BENCH_PORT}`
    await waitForHttp(`${base}/api/health`, 60_000)
    const client = keepAliveClient(BENCH_PORT, clients)
    for (const q of QUERY_MIX) await client.get(`/api/search?q=${encodeURIComponent(q)}`) // warm up
    try {
      return await runConcurrently(clients, REQUESTS_PER_CLIENT * QUERY_MIX.length, async (index) => {
        const q = QUERY_MIX[index % QUERY_MIX.length]!
        const status = await client.get(path ? path(q) : `/api/search?q=${encodeURIComponent(q)}&limit=20`)
        if (status !== 200) throw new Error(`search ${q}: HTTP ${status}`)
      })
    } finally {
      client.close()
    }
  } finally {
    server.kill('SIGTERM')
  }
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
    const direct = stats(timeDirectSearch(importDb))
    const http1 = stats(await timeHttpSearch(importDb, 1))
    const http8 = stats(await timeHttpSearch(importDb, 8))
    // Next's own cost per request on this machine: a route that does next to nothing.
    const floor = stats(await timeHttpSearch(importDb, 1, () => '/api/health'))

    const results = {
      corpus: { files: files.length, sentences: imported.sentences, failures: imported.failures },
      phraseCheck: phrases,
      import: {
        seconds: imported.seconds,
        rawInsertSeconds: raw.seconds,
        ratio: imported.seconds / raw.seconds,
      },
      search: { directMs: direct, http1Ms: http1, http8Ms: http8, healthHttp1Ms: floor, queries: QUERY_MIX },
      targets: {
        importUnder60s: imported.seconds < 60,
        p50AtMost2xDirect: http1.p50 <= 2 * direct.p50,
        p50Under20ms: http1.p50 < 20 && http8.p50 < 20,
        p99Under80msAt8: http8.p99 < 80,
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
  search: Record<
    'directMs' | 'http1Ms' | 'http8Ms' | 'healthHttp1Ms',
    { p50: number; p99: number; count: number }
  >
}) {
  const ms = (value: number) => `${value.toFixed(2)} ms`
  console.log(`\n| measure | value | baseline | ratio |`)
  console.log(`| --- | --- | --- | --- |`)
  console.log(
    `| import ${r.corpus.files} files, ${r.corpus.sentences} sentences (${r.corpus.failures} failed) | ${r.import.seconds.toFixed(1)} s | raw inserts ${r.import.rawInsertSeconds.toFixed(1)} s | ${r.import.ratio.toFixed(2)}× |`,
  )
  console.log(
    `| GET /api/health p50, 1 client (Next's floor per request) | ${ms(r.search.healthHttp1Ms.p50)} | | |`,
  )
  for (const [label, key] of [
    ['1 client', 'http1Ms'],
    ['8 clients', 'http8Ms'],
  ] as const) {
    const http = r.search[key]
    console.log(
      `| /api/search p50, ${label} | ${ms(http.p50)} | in-process ${ms(r.search.directMs.p50)} | ${(http.p50 / r.search.directMs.p50).toFixed(2)}× |`,
    )
    console.log(
      `| /api/search p99, ${label} | ${ms(http.p99)} | in-process ${ms(r.search.directMs.p99)} | ${(http.p99 / r.search.directMs.p99).toFixed(2)}× |`,
    )
  }
}

await main()
