// npm run bench:replication — one write workload replicated by our replicator and by the real
// Litestream v0.3.13, one after the other, to one local S3 server (fauxqs), both at a 1 s sync
// interval and both as a process beside the writer. Phases: nine rounds, 1 s apart, of 20,000
// small transactions then a bulk import of 10,000 rows (write throughput, median round, compared
// with the no-replication runs just before and after); the catch-up after the last bulk import;
// 160 commits 37 ms apart (lag under steady writes); 5 isolated commits (lag when quiet).
// Lag = commit -> first bucket listing that shows an object holding the commit (found by a marker
// in its row).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { S3Store } from '../../lib/replication/stores/s3'
import {
  type Commits,
  cpuSeconds,
  mean,
  median,
  percentile,
  startProbe,
  startReplicator,
} from '../../tests/replication/measure'
import { startS3TestServer, type S3TestServer } from '../../tests/replication/s3-server'
import { makeWorkDir, openAppDatabase, removeWorkDir, type Db } from '../../tests/replication/sqlite'

const ROUNDS = 9
const SMALL_TRANSACTIONS = 20_000
const BULK_ROWS = 10_000
const ROUND_GAP_MS = 1_000
// 37 ms does not divide the 1 s sync interval, so commits land at every phase of it: with 50 ms,
// the median lag moved by up to ±25 ms with the phase the run happened to start at.
const PACED = { count: 160, gapMs: 37 }
const QUIET = { count: 5, gapMs: 1_500 }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const line = (i: number) =>
  `Speaker ${i % 3}: and that is why the episode about ${i} quokkas went long, honestly. `

interface Throughput {
  /** Small transactions per second, one value per round. */
  smallTxPerSec: number[]
  /** Bulk import MB/s, one value per round. */
  bulkMBPerSec: number[]
  /** Longest single small commit, ms (a writer stalled behind a lock shows here). */
  maxCommitMs: number
  /** Time spent in small commits slower than 1 ms, per round on average, ms. */
  slowCommitMsPerRound: number
}

function commit(db: Db, commits: Commits, name: string): string {
  const marker = `BENCH-${name}-END`
  db.prepare('INSERT INTO note (body) VALUES (?)').run(marker)
  commits.set(marker, Date.now())
  return marker
}

async function throughput(db: Db, commits: Commits): Promise<Throughput & { bulkMarker: string }> {
  const insert = db.prepare('INSERT INTO note (body) VALUES (?)')
  const result: Throughput = { smallTxPerSec: [], bulkMBPerSec: [], maxCommitMs: 0, slowCommitMsPerRound: 0 }
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) await sleep(ROUND_GAP_MS)
    const smallStart = performance.now()
    for (let i = 0; i < SMALL_TRANSACTIONS; i++) {
      const commitStart = performance.now()
      insert.run(line(i))
      const commitMs = performance.now() - commitStart
      result.maxCommitMs = Math.max(result.maxCommitMs, commitMs)
      if (commitMs > 1) result.slowCommitMsPerRound += commitMs / ROUNDS
    }
    result.smallTxPerSec.push(SMALL_TRANSACTIONS / ((performance.now() - smallStart) / 1000))
    let bulkBytes = 0
    const bulkStart = performance.now()
    db.transaction(() => {
      for (let i = 0; i < BULK_ROWS; i++)
        bulkBytes += Buffer.byteLength(line(i).repeat(20)) * insert.run(line(i).repeat(20)).changes
    })()
    result.bulkMBPerSec.push(bulkBytes / 1e6 / ((performance.now() - bulkStart) / 1000))
  }
  return { ...result, bulkMarker: commit(db, commits, 'after-bulk') }
}

/** Loss of the median round against the median of the no-replication rounds, in % (negative: faster). */
function lossPct(replicated: number[], base: number[]): number {
  return Number((100 * (1 - median(replicated) / median(base))).toFixed(1))
}

function spreadPct(values: number[]): string {
  const mid = median(values)
  const at = (p: number) => ((100 * percentile(values, p)) / mid).toFixed(0)
  return `${at(25)}..${at(75)}`
}

async function baseline(): Promise<Throughput> {
  const dir = makeWorkDir('bench-none')
  const db = openAppDatabase(join(dir, 'app.db'))
  const result = await throughput(db, new Map())
  db.close()
  removeWorkDir(dir)
  return result
}

async function measure(name: 'ours' | 'litestream', server: S3TestServer) {
  const dir = makeWorkDir(`bench-${name}`)
  const dbPath = join(dir, 'app.db')
  const db = openAppDatabase(dbPath)
  const replicator = await startReplicator(name, dir, dbPath, server)
  const store = new S3Store({
    bucket: name,
    root: 'db',
    endpoint: server.endpoint,
    accessKeyId: 'bench',
    secretAccessKey: 'bench',
  })
  const commits: Commits = new Map()
  const probe = startProbe(store, commits)
  const before = { cpu: cpuSeconds(replicator.pid), stats: (await server.stats())[name] }
  const result = await throughput(db, commits)
  await probe.waitFor(result.bulkMarker)
  const paced: string[] = []
  for (let i = 0; i < PACED.count; i++) {
    paced.push(commit(db, commits, `paced-${i}`))
    await sleep(PACED.gapMs)
  }
  const quiet: string[] = []
  for (let i = 0; i < QUIET.count; i++) {
    await sleep(QUIET.gapMs)
    quiet.push(commit(db, commits, `quiet-${i}`))
  }
  for (const marker of quiet) await probe.waitFor(marker)
  const cpu = cpuSeconds(replicator.pid) - before.cpu
  const after = (await server.stats())[name]!
  await probe.stop()
  await replicator.stop()
  db.close()
  store.close()
  removeWorkDir(dir)
  return {
    ...result,
    pacedLagMs: probe.lagsMs(paced),
    quietLagMs: probe.lagsMs(quiet),
    bulkCatchUpMs: probe.lagsMs([result.bulkMarker])[0]!,
    cpuSeconds: cpu,
    bytes: after.bytesIn - (before.stats?.bytesIn ?? 0),
    putRequests: after.writeRequests - (before.stats?.writeRequests ?? 0),
  }
}

async function main(): Promise<void> {
  const server = await startS3TestServer(['ours', 'litestream'])
  try {
    await baseline() // warm-up, discarded
    // Each replicated run is compared with the no-replication runs just before and after it, all
    // rounds pooled: the machine's speed drifts, and single 0.2 s bursts vary by ±15% on their own.
    const before = await baseline()
    const ours = await measure('ours', server)
    const between = await baseline()
    const litestream = await measure('litestream', server)
    const after = await baseline()
    const pooled = (...runs: Throughput[]) => ({
      smallTxPerSec: runs.flatMap((r) => r.smallTxPerSec),
      bulkMBPerSec: runs.flatMap((r) => r.bulkMBPerSec),
    })
    const row = (m: Awaited<ReturnType<typeof measure>>, base: ReturnType<typeof pooled>) => ({
      pacedLagP50Ms: percentile(m.pacedLagMs, 50),
      pacedLagP99Ms: percentile(m.pacedLagMs, 99),
      quietLagP50Ms: percentile(m.quietLagMs, 50),
      bulkCatchUpMs: Math.round(m.bulkCatchUpMs),
      bytesUploaded: m.bytes,
      putRequests: m.putRequests,
      cpuSeconds: Number(m.cpuSeconds.toFixed(2)),
      smallTxPerSec: Math.round(median(m.smallTxPerSec)),
      bulkMBPerSec: Number(median(m.bulkMBPerSec).toFixed(1)),
      maxCommitMs: Number(m.maxCommitMs.toFixed(1)),
      slowCommitMsPerRound: Math.round(m.slowCommitMsPerRound),
      smallTxLossPct: lossPct(m.smallTxPerSec, base.smallTxPerSec),
      bulkLossPct: lossPct(m.bulkMBPerSec, base.bulkMBPerSec),
    })
    const results = {
      ours: row(ours, pooled(before, between)),
      litestream: row(litestream, pooled(between, after)),
    }
    const targets = {
      lagP50NoWorseThanLitestream: results.ours.pacedLagP50Ms <= results.litestream.pacedLagP50Ms,
      bytesAtMost110PctOfLitestream: results.ours.bytesUploaded <= 1.1 * results.litestream.bytesUploaded,
      throughputLossAtMost10Pct: results.ours.smallTxLossPct <= 10 && results.ours.bulkLossPct <= 10,
    }
    const all = [before, between, after]
    const allRounds = pooled(...all)
    const baselineRow = {
      smallTxPerSec: Math.round(median(allRounds.smallTxPerSec)),
      bulkMBPerSec: Number(median(allRounds.bulkMBPerSec).toFixed(1)),
      maxCommitMs: Number(Math.max(...all.map((r) => r.maxCommitMs)).toFixed(1)),
      slowCommitMsPerRound: Math.round(mean(all.map((r) => r.slowCommitMsPerRound))),
    }
    // How much one no-replication round differs from another: the noise a loss sits in.
    const noise = {
      smallTxRoundsP25P75Pct: spreadPct(allRounds.smallTxPerSec),
      bulkRoundsP25P75Pct: spreadPct(allRounds.bulkMBPerSec),
    }
    console.table({ ...results, 'no replication': baselineRow })
    console.log('no-replication rounds, p25..p75 as % of their median:', noise)
    console.log('targets:', targets)
    mkdirSync('bench-results', { recursive: true })
    const workload = {
      rounds: ROUNDS,
      smallTransactions: SMALL_TRANSACTIONS,
      bulkRows: BULK_ROWS,
      roundGapMs: ROUND_GAP_MS,
      paced: PACED,
      quiet: QUIET,
      syncIntervalMs: 1_000,
    }
    writeFileSync(
      'bench-results/replication.json',
      JSON.stringify(
        { at: new Date().toISOString(), workload, baseline: baselineRow, noise, results, targets },
        null,
        2,
      ) + '\n',
    )
  } finally {
    await server.stop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
