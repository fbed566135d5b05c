// npm run bench:replication — one write workload replicated by our replicator and by the real
// Litestream v0.3.13, one after the other, to one local S3 server (fauxqs), both at a 1 s sync
// interval and both as a process beside the writer.
//
// Write throughput: rounds 1 s apart of 20,000 small transactions then a bulk import of 10,000
// rows, in phases of 4 rounds that alternate between a database without replication and the
// replicated one: 4 blocks of (wait until the replicator is idle, a phase without, a phase with).
// The first round of each phase is a warm-up. Alternating in time is what makes the comparison
// hold on a shared machine, whose speed drifts by ±20% over seconds; comparing separate runs
// gave losses from -30% to +22% for the same code.
//
// Then: the catch-up after the last bulk import; 160 commits 37 ms apart (lag under steady
// writes); 5 isolated commits (lag when quiet). Lag = commit -> first bucket listing that shows
// an object holding the commit (found by a marker in its row).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { S3Store } from '../../lib/replication/stores/s3'
import {
  type Commits,
  cpuSeconds,
  median,
  percentile,
  startProbe,
  startReplicator,
} from '../../tests/replication/measure'
import { startS3TestServer, type S3TestServer } from '../../tests/replication/s3-server'
import { makeWorkDir, openAppDatabase, removeWorkDir, type Db } from '../../tests/replication/sqlite'
import { setTimeout as sleep } from 'node:timers/promises'

const BLOCKS = 4
const ROUNDS_PER_PHASE = 4
const SMALL_TRANSACTIONS = 20_000
const BULK_ROWS = 10_000
const ROUND_GAP_MS = 1_000
// Both replicators upload on a 1 s tick, so a paced commit's p50 lag is about 500 ms plus a few
// ms of processing, and it moves by ±7 ms from run to run for either one. "No worse than
// Litestream's" allows 1% of Litestream's p50 for that noise; the difference is printed too.
const LAG_P50_TOLERANCE = 0.01
/** The replicator counts as idle once it used less than `cpuSeconds` of CPU over `windowMs`. */
const IDLE = { windowMs: 300, cpuSeconds: 0.02, timeoutMs: 10_000 }
// 37 ms does not divide the 1 s sync interval, so commits land at every phase of it: with 50 ms,
// the median lag moved by up to ±25 ms with the phase the run happened to start at.
const PACED = { count: 160, gapMs: 37 }
const QUIET = { count: 5, gapMs: 1_500 }
const line = (i: number) =>
  `Speaker ${i % 3}: and that is why the episode about ${i} quokkas went long, honestly. `

/** What the writer saw over the measured (not warm-up) rounds of one database. */
interface Rounds {
  /** Small transactions per second, one value per round. */
  smallTxPerSec: number[]
  /** Bulk import MB/s, one value per round. */
  bulkMBPerSec: number[]
  /** Longest single small commit, ms (a writer stalled behind a lock shows here). */
  maxCommitMs: number
  /** Time spent in small commits slower than 1 ms, summed, ms. */
  slowCommitMs: number
}

const noRounds = (): Rounds => ({ smallTxPerSec: [], bulkMBPerSec: [], maxCommitMs: 0, slowCommitMs: 0 })

function commit(db: Db, commits: Commits, name: string): string {
  const marker = `BENCH-${name}-END`
  db.prepare('INSERT INTO note (body) VALUES (?)').run(marker)
  commits.set(marker, Date.now())
  return marker
}

/** One phase: ROUNDS_PER_PHASE rounds, ROUND_GAP_MS apart; all but the first are added to `into`. */
async function phase(db: Db, into: Rounds): Promise<void> {
  const insert = db.prepare('INSERT INTO note (body) VALUES (?)')
  for (let round = 0; round < ROUNDS_PER_PHASE; round++) {
    if (round > 0) await sleep(ROUND_GAP_MS)
    const measured = round > 0
    const smallStart = performance.now()
    for (let i = 0; i < SMALL_TRANSACTIONS; i++) {
      const commitStart = performance.now()
      insert.run(line(i))
      const commitMs = performance.now() - commitStart
      if (measured && commitMs > into.maxCommitMs) into.maxCommitMs = commitMs
      if (measured && commitMs > 1) into.slowCommitMs += commitMs
    }
    const smallTxPerSec = SMALL_TRANSACTIONS / ((performance.now() - smallStart) / 1000)
    let bulkBytes = 0
    const bulkStart = performance.now()
    db.transaction(() => {
      for (let i = 0; i < BULK_ROWS; i++)
        bulkBytes += Buffer.byteLength(line(i).repeat(20)) * insert.run(line(i).repeat(20)).changes
    })()
    const bulkMBPerSec = bulkBytes / 1e6 / ((performance.now() - bulkStart) / 1000)
    if (measured) {
      into.smallTxPerSec.push(smallTxPerSec)
      into.bulkMBPerSec.push(bulkMBPerSec)
    }
  }
  await sleep(ROUND_GAP_MS)
}

/** Waits until the process has used (almost) no CPU for IDLE.windowMs, or IDLE.timeoutMs passed. */
async function waitUntilIdle(pid: number): Promise<void> {
  const deadline = Date.now() + IDLE.timeoutMs
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid)
    await sleep(IDLE.windowMs)
    if (cpuSeconds(pid) - before < IDLE.cpuSeconds) return
  }
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

async function measure(name: 'ours' | 'litestream', server: S3TestServer) {
  const dir = makeWorkDir(`bench-${name}`)
  const dbPath = join(dir, 'app.db')
  const db = openAppDatabase(dbPath)
  const plainDb = openAppDatabase(join(dir, 'plain.db'))
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
  try {
    const before = { cpu: cpuSeconds(replicator.pid), stats: (await server.stats())[name] }
    const replicated = noRounds()
    const plain = noRounds()
    for (let block = 0; block < BLOCKS; block++) {
      await waitUntilIdle(replicator.pid)
      await phase(plainDb, plain)
      await phase(db, replicated)
    }
    const bulkMarker = commit(db, commits, 'after-bulk')
    await probe.waitFor(bulkMarker)
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
    return {
      replicated,
      plain,
      pacedLagMs: probe.lagsMs(paced),
      quietLagMs: probe.lagsMs(quiet),
      bulkCatchUpMs: probe.lagsMs([bulkMarker])[0]!,
      cpuSeconds: cpu,
      bytes: after.bytesIn - (before.stats?.bytesIn ?? 0),
      putRequests: after.writeRequests - (before.stats?.writeRequests ?? 0),
    }
  } finally {
    // Also on failure: every process the benchmark started, it stops.
    await probe.stop()
    await replicator.stop()
    db.close()
    plainDb.close()
    store.close()
    removeWorkDir(dir)
  }
}

const writerColumns = (r: Rounds) => ({
  smallTxPerSec: Math.round(median(r.smallTxPerSec)),
  bulkMBPerSec: Number(median(r.bulkMBPerSec).toFixed(1)),
  maxCommitMs: Number(r.maxCommitMs.toFixed(1)),
  slowCommitMsPerRound: Math.round(r.slowCommitMs / r.smallTxPerSec.length),
})

async function main(): Promise<void> {
  const server = await startS3TestServer(['ours', 'litestream'])
  try {
    const ours = await measure('ours', server)
    const litestream = await measure('litestream', server)
    const row = (m: Awaited<ReturnType<typeof measure>>) => ({
      pacedLagP50Ms: percentile(m.pacedLagMs, 50),
      pacedLagMeanMs: Math.round(m.pacedLagMs.reduce((sum, ms) => sum + ms, 0) / m.pacedLagMs.length),
      pacedLagP99Ms: percentile(m.pacedLagMs, 99),
      quietLagP50Ms: percentile(m.quietLagMs, 50),
      bulkCatchUpMs: Math.round(m.bulkCatchUpMs),
      bytesUploaded: m.bytes,
      putRequests: m.putRequests,
      cpuSeconds: Number(m.cpuSeconds.toFixed(2)),
      ...writerColumns(m.replicated),
      smallTxLossPct: lossPct(m.replicated.smallTxPerSec, m.plain.smallTxPerSec),
      bulkLossPct: lossPct(m.replicated.bulkMBPerSec, m.plain.bulkMBPerSec),
    })
    const results = { ours: row(ours), litestream: row(litestream) }
    const targets = {
      lagP50NoWorseThanLitestream:
        results.ours.pacedLagP50Ms <= results.litestream.pacedLagP50Ms * (1 + LAG_P50_TOLERANCE),
      bytesAtMost110PctOfLitestream: results.ours.bytesUploaded <= 1.1 * results.litestream.bytesUploaded,
      throughputLossAtMost10Pct: results.ours.smallTxLossPct <= 10 && results.ours.bulkLossPct <= 10,
    }
    // The rounds without replication that each was compared with, and how much they vary.
    const baseline = {
      'no replication (beside ours)': writerColumns(ours.plain),
      'no replication (beside litestream)': writerColumns(litestream.plain),
    }
    const noise = {
      smallTxRoundsP25P75Pct: spreadPct([...ours.plain.smallTxPerSec, ...litestream.plain.smallTxPerSec]),
      bulkRoundsP25P75Pct: spreadPct([...ours.plain.bulkMBPerSec, ...litestream.plain.bulkMBPerSec]),
    }
    console.table({ ...results, ...baseline })
    console.log('no-replication rounds, p25..p75 as % of their median:', noise)
    console.log(
      'paced lag p50, ours minus Litestream:',
      results.ours.pacedLagP50Ms - results.litestream.pacedLagP50Ms,
      'ms',
    )
    console.log('targets:', targets)
    mkdirSync('bench-results', { recursive: true })
    const workload = {
      blocks: BLOCKS,
      roundsPerPhase: ROUNDS_PER_PHASE,
      smallTransactions: SMALL_TRANSACTIONS,
      bulkRows: BULK_ROWS,
      roundGapMs: ROUND_GAP_MS,
      paced: PACED,
      quiet: QUIET,
      syncIntervalMs: 1_000,
    }
    writeFileSync(
      'bench-results/replication.json',
      JSON.stringify({ at: new Date().toISOString(), workload, baseline, noise, results, targets }, null, 2) +
        '\n',
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
