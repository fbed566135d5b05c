// npm run bench:scale [-- --episodes N] [-- <folder of transcripts>]
// Scale-out, measured in one run on one machine (docs/scaling.md): the search mix
// (scripts/bench/search-quality.ts buildQueryMix) and a comment-write mix, each at CLIENTS
// clients, against
//   (a) one node on a SQLite file,
//   (b) one node on a sqld primary (every query a round trip),
//   (c) two nodes, each with an embedded replica of one sqld primary (reads local, writes on the primary),
// with the same number of web processes in each (WEB_PROCESSES). Reports throughput, p50/p99 and
// ratios against (a), and for (c) the replicas' lag during the writes and how long a comment
// posted on one node takes to show on the other. The corpus is the first N Talk Python
// transcripts (../shared/corpus/talkpython-vtt.tar.gz) or a folder given. On a 2-core machine
// the ratios and the lag are the point, not the absolute numbers. Writes bench-results/scale.json.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { copyDatabase } from '@/lib/db/copy-database'
import { openRemoteSqlite } from '@/lib/db/libsql-remote'
import { migrateDatabase } from '@/lib/db/migrate'
import { openSqlite } from '@/lib/db/sqlite'
import { importTranscript } from '@/lib/import/import-transcript'
import { buildIsStale } from '@/scripts/lib/build-freshness'
import { CLI_NODE_ARGS } from '@/scripts/lib/cli-node-args'
import { collectTranscriptFiles } from '@/scripts/lib/import-args'
import { sqldBinary, sqldServeArgs } from '@/scripts/lib/sqld-command'
import { keepAliveClient, percentile, runConcurrently, waitForHttp } from '@/scripts/bench/measure'
import { buildQueryMix } from '@/scripts/bench/search-quality'

const CLIENTS = 8
const SEARCH_REQUESTS = 800
const COMMENT_REQUESTS = 400
/** Web processes per configuration: (a) and (b) one node × 2, (c) two nodes × 1 (2 cores here). */
const WEB_PROCESSES = 2
const SYNC_INTERVAL_MS = 500
/** Cross-node visibility samples after the write mix in (c). */
const VISIBILITY_SAMPLES = 30
const PORTS = { node1: 3480, node2: 3481, sqld: 3482 }

const { values: options, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { episodes: { type: 'string', default: '60' } },
  allowPositionals: true,
})

function corpusFiles(scratch: string): string[] {
  let folder = positionals[0] ? resolve(positionals[0]) : ''
  if (!folder) {
    const archive = resolve('../shared/corpus/talkpython-vtt.tar.gz')
    if (!existsSync(archive)) throw new Error(`no corpus: pass a folder, or provide ${archive}`)
    folder = join(scratch, 'corpus')
    mkdirSync(folder)
    execFileSync('tar', ['xzf', archive, '-C', folder])
  }
  const found = collectTranscriptFiles([folder])
  if (!found.ok) throw new Error(found.message)
  return found.files.sort().slice(0, Number(options.episodes))
}

function buildFileDatabase(path: string, files: string[]): { sentences: number } {
  migrateDatabase(`file:${path}`)
  const db = openSqlite(path)
  let sentences = 0
  for (const file of files)
    sentences += importTranscript(
      db,
      { name: file, content: readFileSync(file) },
      { showSlug: 'talk-python' },
    ).sentences
  db.close()
  return { sentences }
}

interface Sqld {
  url: string
  stop(): Promise<void>
}

async function startSqld(dataDir: string): Promise<Sqld> {
  const child = spawn(sqldBinary(), sqldServeArgs(dataDir, PORTS.sqld), {
    stdio: 'ignore',
    env: { ...process.env, RUST_LOG: 'warn' },
  })
  const url = `http://127.0.0.1:${PORTS.sqld}`
  await waitForHttp(`${url}/health`, 20_000)
  return { url, stop: () => stopProcess(child) }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}

interface Node {
  port: number
  stop(): Promise<void>
}

async function startNode(port: number, env: Record<string, string>, processes: number): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/web-cluster.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      WEB_CONCURRENCY: String(processes),
      // The write mix measures the database, not the abuse limits.
      COMMENT_RATE_ACCOUNT_MAX: '0',
      COMMENT_RATE_IP_MAX: '0',
      COMMENT_DUPLICATE_WINDOW_MS: '0',
      FEED_REFRESH_INTERVAL_MS: '0',
      BETTER_AUTH_SECRET: 'bench scale secret, the same on every node',
    },
  })
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, 120_000)
  return { port, stop: () => stopProcess(child) }
}

/** A listener with an API token, made with the real CLI on `databaseUrl`. */
function createToken(databaseUrl: string): string {
  const result = spawnSync(
    process.execPath,
    [
      ...CLI_NODE_ARGS,
      'scripts/user.ts',
      'create',
      '--email',
      `bench-${Date.now()}@example.test`,
      '--password',
      'a long bench password',
      '--with-token',
    ],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } },
  )
  if (result.status !== 0) throw new Error(`user create failed: ${result.stdout}${result.stderr}`)
  return result.stdout.trim().split('\n').pop()!
}

function postClient(connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  return {
    post: (port: number, path: string, token: string, body: unknown) =>
      new Promise<{ status: number; body: string }>((done, fail) => {
        const payload = JSON.stringify(body)
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path,
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
              authorization: `Bearer ${token}`,
            },
          },
          (response) => {
            let text = ''
            response.on('data', (chunk: Buffer) => (text += chunk.toString()))
            response.on('end', () => done({ status: response.statusCode ?? 0, body: text }))
          },
        )
        req.on('error', fail)
        req.end(payload)
      }),
    close: () => agent.destroy(),
  }
}

interface Mix {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
}

function summary(latenciesMs: number[], seconds: number): Mix {
  return {
    requestsPerSecond: latenciesMs.length / seconds,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
  }
}

async function searchMix(ports: number[], queries: string[]): Promise<Mix> {
  const clients = ports.map((port) => keepAliveClient(port, CLIENTS))
  try {
    const path = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=20`
    for (const [index, q] of queries.entries()) await clients[index % clients.length]!.get(path(q)) // warm up
    const startedAt = performance.now()
    const latencies = await runConcurrently(CLIENTS, SEARCH_REQUESTS, async (index) => {
      const q = queries[index % queries.length]!
      const status = await clients[index % clients.length]!.get(path(q))
      if (status !== 200) throw new Error(`search ${q}: HTTP ${status}`)
    })
    return summary(latencies, (performance.now() - startedAt) / 1000)
  } finally {
    for (const client of clients) client.close()
  }
}

async function commentMix(ports: number[], token: string, sentenceIds: number[]): Promise<Mix> {
  const client = postClient(CLIENTS * ports.length)
  try {
    const startedAt = performance.now()
    const latencies = await runConcurrently(CLIENTS, COMMENT_REQUESTS, async (index) => {
      const sentenceId = sentenceIds[index % sentenceIds.length]!
      const port = ports[index % ports.length]!
      const answer = await client.post(port, `/api/sentences/${sentenceId}/comments`, token, {
        body: `Bench comment ${index} at ${Date.now()}`,
      })
      if (answer.status !== 201)
        throw new Error(`comment: HTTP ${answer.status} ${answer.body.slice(0, 200)}`)
    })
    return summary(latencies, (performance.now() - startedAt) / 1000)
  } finally {
    client.close()
  }
}

interface ReplicaSample {
  lagFrames: number | null
  stalenessMs: number | null
}

/** Samples both nodes' /api/health replica block every 100 ms while `during` runs. */
async function sampleLag<T>(
  ports: number[],
  during: () => Promise<T>,
): Promise<{ result: T; samples: ReplicaSample[] }> {
  const samples: ReplicaSample[] = []
  let running = true
  const sampler = (async () => {
    while (running) {
      for (const port of ports) {
        const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as {
          database: { replica: ReplicaSample | null }
        }
        if (health.database.replica) samples.push(health.database.replica)
      }
      await new Promise((done) => setTimeout(done, 100))
    }
  })()
  try {
    return { result: await during(), samples }
  } finally {
    running = false
    await sampler
  }
}

/** A comment posted on one node, then polled for on the other: how long until it is there. */
async function crossNodeVisibility(
  ports: [number, number],
  token: string,
  sentenceIds: number[],
): Promise<number[]> {
  const client = postClient(2)
  const delays: number[] = []
  try {
    for (let sample = 0; sample < VISIBILITY_SAMPLES; sample++) {
      const [writer, reader] = sample % 2 === 0 ? ports : [ports[1], ports[0]]
      const sentenceId = sentenceIds[sample % sentenceIds.length]!
      const body = `Visibility probe ${sample} ${Date.now()}`
      const answer = await client.post(writer, `/api/sentences/${sentenceId}/comments`, token, { body })
      if (answer.status !== 201) throw new Error(`probe: HTTP ${answer.status}`)
      const postedAt = performance.now()
      for (;;) {
        const list = await (
          await fetch(`http://127.0.0.1:${reader}/api/sentences/${sentenceId}/comments`)
        ).text()
        if (list.includes(body)) break
        if (performance.now() - postedAt > 10_000)
          throw new Error('a comment did not reach the other node in 10 s')
        await new Promise((done) => setTimeout(done, 5))
      }
      delays.push(performance.now() - postedAt)
      await new Promise((done) => setTimeout(done, Math.random() * SYNC_INTERVAL_MS))
    }
    return delays
  } finally {
    client.close()
  }
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'hearsay-bench-scale-'))
  const stops: (() => Promise<void>)[] = []
  try {
    if (buildIsStale(process.cwd())) {
      console.log('building the app (next build)…')
      execFileSync(process.execPath, [resolve('node_modules/next/dist/bin/next'), 'build'], {
        stdio: 'inherit',
      })
    }
    const files = corpusFiles(scratch)
    const filePath = join(scratch, 'a.db')
    let startedAt = performance.now()
    const { sentences } = buildFileDatabase(filePath, files)
    console.log(
      `corpus: ${files.length} episodes, ${sentences} sentences (imported in ${((performance.now() - startedAt) / 1000).toFixed(1)} s)`,
    )
    const source = openSqlite(filePath)
    const queries = buildQueryMix(source, 240)
    const sentenceIds = source
      .prepare(`SELECT id FROM Sentence WHERE id % 37 = 0 LIMIT 200`)
      .pluck()
      .all() as number[]
    source.close()
    const fileToken = createToken(`file:${filePath}`)

    const results: Record<string, { search: Mix; comments: Mix }> = {}

    // (a) one node on the file
    let node = await startNode(PORTS.node1, { DATABASE_URL: `file:${filePath}` }, WEB_PROCESSES)
    results.file = {
      search: await searchMix([node.port], queries),
      comments: await commentMix([node.port], fileToken, sentenceIds),
    }
    await node.stop()
    console.log('(a) file: done')

    // (b) one node on sqld: the same database, copied through the primary's write path
    const sqld = await startSqld(join(scratch, 'primary.sqld'))
    stops.push(() => sqld.stop())
    startedAt = performance.now()
    const copySource = openSqlite(filePath, { readonly: true })
    const target = openRemoteSqlite(sqld.url)
    // The file has (a)'s comments by now; the copy carries them, so (b) and (c) start from the same state.
    copyDatabase(copySource, target)
    copySource.close()
    target.close()
    console.log(`copied into sqld in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`)
    node = await startNode(PORTS.node1, { DATABASE_URL: sqld.url }, WEB_PROCESSES)
    results.sqld = {
      search: await searchMix([node.port], queries),
      comments: await commentMix([node.port], fileToken, sentenceIds),
    }
    await node.stop()
    console.log('(b) sqld: done')

    // (c) two nodes with embedded replicas of that primary
    const replicaEnv = (name: string) => ({
      DATABASE_URL: sqld.url,
      LIBSQL_REPLICA_PATH: join(scratch, name, 'replica.db'),
      LIBSQL_SYNC_INTERVAL_MS: String(SYNC_INTERVAL_MS),
    })
    const nodes = [
      await startNode(PORTS.node1, replicaEnv('node1'), WEB_PROCESSES / 2),
      await startNode(PORTS.node2, replicaEnv('node2'), WEB_PROCESSES / 2),
    ]
    stops.push(...nodes.map((each) => () => each.stop()))
    const ports: [number, number] = [nodes[0]!.port, nodes[1]!.port]
    const search = await searchMix(ports, queries)
    const { result: comments, samples } = await sampleLag(ports, () =>
      commentMix(ports, fileToken, sentenceIds),
    )
    const visibility = await crossNodeVisibility(ports, fileToken, sentenceIds)
    results.replicas = { search, comments }
    console.log('(c) replicas: done')

    const lagFrames = samples.map((sample) => sample.lagFrames ?? 0)
    const staleness = samples.map((sample) => sample.stalenessMs ?? 0)
    const lag = {
      samples: samples.length,
      lagFramesP50: percentile(lagFrames, 50),
      lagFramesMax: Math.max(...lagFrames),
      stalenessMsP50: percentile(staleness, 50),
      stalenessMsMax: Math.max(...staleness),
      otherNodeVisibleMsP50: percentile(visibility, 50),
      otherNodeVisibleMsP99: percentile(visibility, 99),
      otherNodeVisibleMsMax: Math.max(...visibility),
    }
    report(results, lag, { episodes: files.length, sentences })
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {})
    rmSync(scratch, { recursive: true, force: true })
  }
}

function report(
  results: Record<string, { search: Mix; comments: Mix }>,
  lag: Record<string, number>,
  corpus: { episodes: number; sentences: number },
): void {
  const names: Record<string, string> = {
    file: '(a) 1 node, SQLite file',
    sqld: '(b) 1 node, sqld primary',
    replicas: '(c) 2 nodes, embedded replicas',
  }
  const base = results.file!
  const row = (label: string, mix: Mix, baseline: Mix) =>
    `| ${label} | ${mix.requestsPerSecond.toFixed(0)} | ${(mix.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} | ${mix.p50Ms.toFixed(1)} | ${mix.p99Ms.toFixed(1)} |`
  const lines = [
    `${corpus.episodes} episodes, ${corpus.sentences} sentences; ${CLIENTS} clients; ${WEB_PROCESSES} web processes per configuration; load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
    '',
    '| configuration | req/s | × (a) | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| **search mix** (${SEARCH_REQUESTS} requests) | | | | |`,
    ...Object.entries(results).map(([key, value]) => row(names[key]!, value.search, base.search)),
    `| **comment writes** (${COMMENT_REQUESTS} POSTs) | | | | |`,
    ...Object.entries(results).map(([key, value]) => row(names[key]!, value.comments, base.comments)),
    '',
    `(c) replica lag while writing (${lag.samples} samples of /api/health): ${lag.lagFramesP50} frames p50, ${lag.lagFramesMax} max; staleness ${lag.stalenessMsP50} ms p50, ${lag.stalenessMsMax} ms max (sync interval ${SYNC_INTERVAL_MS} ms)`,
    `(c) a comment posted on one node is on the other after ${lag.otherNodeVisibleMsP50!.toFixed(0)} ms p50, ${lag.otherNodeVisibleMsP99!.toFixed(0)} ms p99, ${lag.otherNodeVisibleMsMax!.toFixed(0)} ms max (${VISIBILITY_SAMPLES} samples)`,
  ]
  console.log(`\n${lines.join('\n')}`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(
    'bench-results/scale.json',
    `${JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), corpus, clients: CLIENTS, results, lag }, null, 2)}\n`,
  )
}

await main()
