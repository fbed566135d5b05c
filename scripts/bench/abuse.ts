// npm run bench:abuse [-- --seconds N]
// The load and abuse suite of issue 15, against the production server as `npm start` runs it
// (scripts/start.ts: build if stale, replicator beside the web workers), on a scratch database
// replicating to the project's S3 test server (scripts/s3-test-server.mjs):
//   1. the largest transcript the importer allows: its episode page (plus a late ?t= link, the
//      whole transcript the page fetches, a text export) and a search over it, timed to the last byte;
//   2. N seconds (default 60) of 8 clients mixing search, page views and comment writes (comment
//      limits raised via env), with the bucket emptied halfway (the S3 test server restarted empty);
//   3. the rotating-X-Forwarded-For brute force on sign-in (expects 429 after SIGN_IN_RATE_MAX);
//   4. the malformed-input sweep over every route (scripts/lib/route-sweep.ts);
//   5. stop (final sync), restore from the replica, and check every comment answered 201 is there.
// Prints counts (requests, 2xx/4xx/5xx, p50/p99 per kind). Exits 1 on any 5xx, a missing
// acknowledged comment, a page or search over the largest transcript slower than 1 s, or sign-in
// guesses that never meet a 429. Every loop is bounded by time and by count.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { openSqlite } from '@/lib/db/sqlite'
import { seedDemoData } from '@/lib/demo/seed-demo'
import { migrateDatabase } from '@/lib/db/migrate'
import { importTranscript } from '@/lib/import/import-transcript'
import { TRANSCRIPT_LIMITS } from '@/lib/transcripts/limits'
import { percentile, waitForHttp } from '@/scripts/bench/measure'
import { CLI_NODE_ARGS } from '@/scripts/lib/cli-node-args'
import { BAD_BODIES, fill, METHODS, paramValues, routeTemplates } from '@/scripts/lib/route-sweep'

const PORT = 3197
const ORIGIN = `http://127.0.0.1:${PORT}`
const CLIENTS = 8
const SIGN_IN_GUESSES = 30
const SIGN_IN_RATE_MAX = 10
const SLOW_MS = 1_000
const REQUEST_TIMEOUT_MS = 30_000
/** Timed rounds over the largest transcript's page, exports and search (after one warm-up round). */
const BIG_ROUNDS = 5

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' } } })
const SECONDS = Number(values.seconds)
if (!Number.isFinite(SECONDS) || SECONDS < 1 || SECONDS > 3600) throw new Error('--seconds must be 1–3600')

type Kind =
  | 'search'
  | 'page'
  | 'comment'
  | 'big-page'
  | 'big-page-late-t'
  | 'big-segments'
  | 'big-export'
  | 'big-search'
  | 'sign-in'
  | 'sweep'
const samples = new Map<Kind, Array<{ status: number; ms: number }>>()
const failures: string[] = []
/** The first few answers worth a look, per kind: every 5xx, and a refused comment. */
const examples = new Map<Kind, string[]>()

/** Bytes of the last whole body read per kind (timed with `wholeBody`). */
const bodyBytes = new Map<Kind, number>()

async function timed(
  kind: Kind,
  url: string,
  init: RequestInit = {},
  options: { wholeBody?: boolean } = {},
): Promise<Response | null> {
  const started = performance.now()
  let status = 0
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...init,
    })
    // The time to the last byte, not the first: a streamed page is not there until it ends.
    if (options.wholeBody) bodyBytes.set(kind, (await response.arrayBuffer()).byteLength)
    status = response.status
    return response
  } catch {
    status = 599 // no answer: a timeout or a dropped connection counts as a 5xx
    return null
  } finally {
    const list = samples.get(kind) ?? []
    list.push({ status, ms: performance.now() - started })
    samples.set(kind, list)
    const noted = examples.get(kind) ?? []
    if ((status >= 500 || (kind === 'comment' && status !== 201)) && noted.length < 5) {
      noted.push(`${status} ${init.method ?? 'GET'} ${url.slice(0, 100)}`)
      examples.set(kind, noted)
    }
  }
}

// --- The S3 test server, restartable on the same port (an emptied bucket) ---------------------

async function startS3(port = 0): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['scripts/s3-test-server.mjs', String(port), 'bucket'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const ready = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the S3 test server did not start in 15 s')), 15_000)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^S3_READY (\d+)$/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', () => reject(new Error('the S3 test server exited before it was ready')))
  })
  return { port: ready, stop: () => stopChild(child, 5_000) }
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

// --- Data: accounts with tokens, and the largest transcript allowed ----------------------------

function userCli(env: NodeJS.ProcessEnv, args: string[]): string {
  const run = spawnSync(process.execPath, [...CLI_NODE_ARGS, 'scripts/user.ts', ...args], {
    env,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`npm run user ${args[0]}: ${run.stderr}`)
  return run.stdout.trim()
}

/** Listeners with API tokens, written directly (the CLI would hash a password for each). */
function insertListeners(databasePath: string, count: number): string[] {
  const db = openSqlite(databasePath)
  try {
    const now = new Date().toISOString().replace('Z', '+00:00')
    return Array.from({ length: count }, (_, n) => {
      const id = `bench-listener-${n}`
      const token = `hs_${randomBytes(32).toString('base64url')}` // the format lib/auth/api-tokens.ts issues
      db.prepare(
        `INSERT INTO User (id, name, email, role, createdAt, updatedAt) VALUES (?, ?, ?, 'listener', ?, ?)`,
      ).run(id, `Listener ${n}`, `listener-${n}@bench.test`, now, now)
      db.prepare(`INSERT INTO ApiToken (userId, tokenHash, createdAt) VALUES (?, ?, ?)`).run(
        id,
        createHash('sha256').update(token).digest('hex'),
        now,
      )
      return token
    })
  } finally {
    db.close()
  }
}

/** Sentence n of the largest transcript starts at n × 3 s: the last one's start, in seconds (a late ?t= link). */
const LAST_SENTENCE_START_S = (TRANSCRIPT_LIMITS.maxSentences - 1) * 3

/** maxSentences sentences that together hold just under maxTextChars: the largest episode page allowed. */
function largestTranscript(): string {
  const perSentence = Math.floor(TRANSCRIPT_LIMITS.maxTextChars / TRANSCRIPT_LIMITS.maxSentences) - 2
  const words = 'replication keeps every acknowledged comment restorable from the bucket '
  const sentence = (n: number) => `Sentence ${n} ${words.repeat(10)}`.slice(0, perSentence - 1).trim() + '.'
  const cues: string[] = []
  for (let n = 0; n < TRANSCRIPT_LIMITS.maxSentences; n++) {
    const at = (ms: number) => new Date(ms).toISOString().slice(11, 23)
    cues.push(`${at(n * 3000)} --> ${at(n * 3000 + 3000)}\n<v Speaker ${n % 3}>${sentence(n)}`)
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}

// --- The phases ------------------------------------------------------------------------------

async function mixedLoad(
  tokens: string[],
  sentenceIds: number[],
  slugs: string[],
  onHalfway: () => Promise<void>,
) {
  const acknowledged: number[] = []
  const queries = [
    'sqlite',
    'python',
    'replication',
    'comment',
    'the',
    'async await',
    '"web server"',
    'test*',
  ]
  const deadline = Date.now() + SECONDS * 1000
  let halfwayDone = false
  const halfway = Date.now() + (SECONDS * 1000) / 2
  const client = async (n: number) => {
    for (let i = 0; Date.now() < deadline && i < 100_000; i++) {
      if (!halfwayDone && n === 0 && Date.now() >= halfway) {
        halfwayDone = true
        await onHalfway()
      }
      const pick = (i + n) % 3
      if (pick === 0) {
        await timed(
          'search',
          `${ORIGIN}/api/search?q=${encodeURIComponent(queries[(i * 7 + n) % queries.length]!)}`,
        )
      } else if (pick === 1) {
        await timed('page', `${ORIGIN}/episodes/${slugs[(i + n) % slugs.length]}`)
      } else {
        const sentenceId = sentenceIds[(i * 13 + n) % sentenceIds.length]!
        const response = await timed('comment', `${ORIGIN}/api/sentences/${sentenceId}/comments`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokens[n]}`,
            'content-type': 'application/json',
            origin: ORIGIN,
          },
          body: JSON.stringify({ body: `Bench client ${n}, comment ${i} (${Date.now()})` }),
        })
        if (response && response.status !== 201 && (examples.get('comment')?.length ?? 0) < 8)
          examples.get('comment')?.push(`  said: ${(await response.text()).slice(0, 160)}`)
        else if (response?.status === 201)
          acknowledged.push(((await response.json()) as { comment: { id: number } }).comment.id)
      }
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)))
  return acknowledged
}

async function signInBruteForce(email: string): Promise<void> {
  let firstRefusal: number | null = null
  for (let n = 0; n < SIGN_IN_GUESSES; n++) {
    const response = await timed('sign-in', `${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: ORIGIN,
        'x-forwarded-for': `198.18.${n >> 8}.${n & 255}`,
      },
      body: JSON.stringify({ email, password: `wrong guess ${n}` }),
    })
    if (response?.status === 429 && firstRefusal === null) firstRefusal = n + 1
  }
  console.log(
    `sign-in with a new X-Forwarded-For each time: first 429 at guess ${firstRefusal ?? 'never'} of ${SIGN_IN_GUESSES}`,
  )
  if (firstRefusal === null || firstRefusal > SIGN_IN_RATE_MAX + 1)
    failures.push(
      `the rotating-X-Forwarded-For brute force was not limited after ${SIGN_IN_RATE_MAX} guesses`,
    )
}

/**
 * One request through node:http, which sends any method (fetch refuses TRACE) and any bytes,
 * recorded like `timed`'s.
 */
function rawTimed(
  kind: Kind,
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const started = performance.now()
  return new Promise<void>((resolve) => {
    const done = (status: number) => {
      const list = samples.get(kind) ?? []
      list.push({ status, ms: performance.now() - started })
      samples.set(kind, list)
      const noted = examples.get(kind) ?? []
      if (status >= 500 && noted.length < 5)
        examples.set(kind, [...noted, `${status} ${method} ${url.slice(0, 100)}`])
      resolve()
    }
    // A Content-Length, as browsers and fetch send it, rather than a chunked body.
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
    const options = { method, headers: { ...headers, ...length }, timeout: REQUEST_TIMEOUT_MS }
    const request = httpRequest(url, options, (response) => {
      response.resume()
      response.on('end', () => done(response.statusCode ?? 0))
      response.on('error', () => done(599))
    })
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', () => done(599))
    request.end(body)
  })
}

async function malformedSweep(hostToken: string, slug: string): Promise<void> {
  const templates = routeTemplates()
  for (const template of templates) {
    for (const value of paramValues(template))
      for (const method of METHODS) await rawTimed('sweep', `${ORIGIN}${fill(template, value)}`, method)
    const real = template.replace('[slug]', slug).replace(/\[[^\]]+\]/g, '2147483000')
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE'])
      for (const body of BAD_BODIES)
        for (const auth of [{}, { authorization: `Bearer ${hostToken}` }] as Record<string, string>[])
          await rawTimed(
            'sweep',
            `${ORIGIN}${real}`,
            method,
            { 'content-type': body.contentType, origin: 'http://evil.example', ...auth },
            body.data,
          )
  }
}

function restoredCommentIds(env: NodeJS.ProcessEnv, scratch: string): Set<number> {
  const output = join(scratch, 'restored.db')
  const run = spawnSync(process.execPath, [...CLI_NODE_ARGS, 'scripts/restore.ts', '-o', output], {
    env,
    encoding: 'utf8',
  })
  if (run.status !== 0) {
    failures.push(`npm run restore failed: ${run.stderr.trim() || run.stdout.trim()}`)
    return new Set()
  }
  const db = openSqlite(output, { readonly: true })
  try {
    return new Set((db.prepare('SELECT id FROM Comment').all() as { id: number }[]).map((row) => row.id))
  } finally {
    db.close()
  }
}

function report(): void {
  const rows = [...samples.entries()].map(([kind, list]) => {
    const count = (low: number) =>
      list.filter((sample) => sample.status >= low && sample.status < low + 100).length
    const ms = list.map((sample) => sample.ms)
    return {
      kind,
      requests: list.length,
      '2xx': count(200),
      '3xx': count(300),
      '4xx': count(400),
      '5xx': count(500),
      '429': list.filter((sample) => sample.status === 429).length,
      '503': list.filter((sample) => sample.status === 503).length,
      p50ms: Math.round(percentile(ms, 50)),
      p99ms: Math.round(percentile(ms, 99)),
    }
  })
  console.table(rows)
  for (const [kind, noted] of examples) for (const line of noted) console.log(`  ${kind}: ${line}`)
  const errors = rows.reduce((sum, row) => sum + row['5xx'], 0)
  if (errors > 0) failures.push(`${errors} answers were 5xx (or no answer)`)
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'hearsay-abuse-'))
  const databasePath = join(scratch, 'hearsay.db')
  let s3 = await startS3()
  let server: ChildProcess | null = null
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `file:${databasePath}`,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      REPLICA_URL: 's3://bucket/abuse',
      S3_ENDPOINT: `http://127.0.0.1:${s3.port}`,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      REPLICATION_SYNC_INTERVAL_MS: '250',
      COMMENT_RATE_ACCOUNT_MAX: '100000',
      COMMENT_RATE_IP_MAX: '100000',
      SIGN_IN_RATE_MAX: String(SIGN_IN_RATE_MAX),
      // No feed refresher: the bench has no feeds, and its own checks would only add noise.
      FEED_REFRESH_INTERVAL_MS: '0',
    }
    migrateDatabase(env.DATABASE_URL!)
    const db = openSqlite(databasePath)
    // The demo episodes for the mix (npm start seeds them only into an empty database).
    seedDemoData(db)
    const big = importTranscript(
      db,
      { name: 'largest-allowed.vtt', content: largestTranscript() },
      { showSlug: 'bench' },
    )
    db.close()
    console.log(`largest allowed transcript: ${big.sentences} sentences, ${big.cues} cues`)
    const tokens = insertListeners(databasePath, CLIENTS)
    const email = 'target@bench.test'
    userCli(env, ['create', '--email', email, '--password', 'the right password 1', '--role', 'host'])
    const hostToken = userCli(env, ['token', '--email', email]).split('\n').pop()!

    console.log('starting the server as npm start does (builds first if the build is stale)…')
    server = spawn(process.execPath, [...CLI_NODE_ARGS, 'scripts/start.ts'], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    await waitForHttp(`${ORIGIN}/api/health`, 15 * 60_000)

    // The demo episodes the start script seeded, and their sentences, for the mix.
    const read = openSqlite(databasePath, { readonly: true })
    const slugs = (
      read.prepare(`SELECT slug FROM Episode WHERE slug <> ?`).all(big.episodeSlug) as { slug: string }[]
    ).map((row) => row.slug)
    const sentenceIds = (
      read
        .prepare(
          `SELECT id FROM Sentence WHERE episodeId IN (SELECT id FROM Episode WHERE slug <> ?) LIMIT 2000`,
        )
        .all(big.episodeSlug) as { id: number }[]
    ).map((row) => row.id)
    read.close()

    // 1. The largest transcript allowed: its page (and the whole transcript the page then
    // fetches), a ?t= link near its end, an export, and a search must each stay under a second,
    // whole bodies read. One warm-up round first (a fresh server loads each route's code on its
    // first request), then BIG_ROUNDS timed rounds; the median is held to the second.
    const bigUrls: Array<[Kind, string]> = [
      ['big-page', `${ORIGIN}/episodes/${big.episodeSlug}`],
      ['big-page-late-t', `${ORIGIN}/episodes/${big.episodeSlug}?t=${LAST_SENTENCE_START_S}`],
      ['big-segments', `${ORIGIN}/episodes/${big.episodeSlug}/segments.json`],
      ['big-export', `${ORIGIN}/episodes/${big.episodeSlug}/transcript.txt`],
      ['big-search', `${ORIGIN}/api/search?q=acknowledged+restorable&limit=100`],
    ]
    for (const [, url] of bigUrls) await fetch(url).then((response) => response.arrayBuffer())
    for (let n = 0; n < BIG_ROUNDS; n++)
      for (const [kind, url] of bigUrls) await timed(kind, url, {}, { wholeBody: true })
    for (const [kind] of bigUrls) {
      const times = (samples.get(kind) ?? []).map((sample) => sample.ms)
      const median = percentile(times, 50)
      console.log(
        `${kind}: ${bodyBytes.get(kind)} bytes, median of ${times.length} ${Math.round(median)} ms, worst ${Math.round(Math.max(...times))} ms`,
      )
      if (median > SLOW_MS)
        failures.push(`${kind} over the largest allowed transcript took ${Math.round(median)} ms (median)`)
    }

    // 2. The mixed load, with the bucket emptied halfway.
    console.log(`${CLIENTS} clients for ${SECONDS} s: search, pages, comments; the bucket is emptied halfway`)
    const acknowledged = await mixedLoad(
      tokens,
      sentenceIds,
      slugs.length > 0 ? slugs : [big.episodeSlug],
      async () => {
        const port = s3.port
        await s3.stop()
        s3 = await startS3(port)
        console.log('bucket emptied (the S3 test server restarted empty)')
      },
    )

    // 3 and 4.
    await signInBruteForce(email)
    await malformedSweep(hostToken, slugs[0] ?? big.episodeSlug)

    // 5. Stop (the replicator's final sync), then restore and look for every acknowledged comment.
    await stopChild(server, 60_000)
    server = null
    const restored = restoredCommentIds(env, scratch)
    const missing = acknowledged.filter((id) => !restored.has(id))
    console.log(
      `acknowledged comments: ${acknowledged.length}; in the restore: ${acknowledged.length - missing.length}`,
    )
    if (missing.length > 0)
      failures.push(
        `${missing.length} acknowledged comments missing from the restore (${missing.slice(0, 10).join(', ')}…)`,
      )
    report()
  } finally {
    if (server) await stopChild(server, 60_000)
    await s3.stop()
    rmSync(scratch, { recursive: true, force: true })
  }
  for (const failure of failures) console.error(`FAIL: ${failure}`)
  return failures.length === 0 ? 0 : 1
}

process.exitCode = await main()
