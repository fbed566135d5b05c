// Durable acknowledgement: wait until everything committed before a given instant is in the
// replica and restorable from it, so a comment is acknowledged only once it is off the machine.
// Works across processes: a waiter touches the sync-request file; the replicator's next sync
// uploads, then checks that the replica still holds the generation's snapshot (replacing a lost
// one with a new generation first), and only then publishes `durableThroughMonotonicUs` in its
// status file; the waiting process compares it with the instant it committed. The contract is in
// README.md ("Durable acknowledgements").
//
// The instant is read from CLOCK_MONOTONIC (process.hrtime), which is one clock for every process
// on the machine and never jumps with wall-clock changes. A sync records the instant *before* it
// reads the WAL, so a transaction that had committed by then is in what it uploads.
import { readStatusFile, replicatorIsLive } from './status'
import { requestSync, statePaths } from './state-dir'
import { setTimeout as sleep } from 'node:timers/promises'

/** How long a durable wait lasts by default, in ms. */
export const DEFAULT_DURABLE_TIMEOUT_MS = 5_000
/** How often a waiting process re-reads the replicator's status file, in ms. */
export const DEFAULT_DURABLE_POLL_INTERVAL_MS = 10

/** Now, on the machine-wide monotonic clock, in microseconds (comparable across processes). */
export function monotonicNowUs(): number {
  return Number(process.hrtime.bigint() / 1000n)
}

export type DurableResult =
  | { readonly durable: true; readonly waitedMs: number }
  | { readonly durable: false; readonly reason: 'timeout' | 'not-running'; readonly waitedMs: number }

export interface DurableWaitOptions {
  /** The instant (monotonicNowUs) by which the transactions to wait for had committed; default: now. */
  readonly committedBeforeUs?: number
  readonly timeoutMs?: number
  readonly pollIntervalMs?: number
}

/**
 * From any process: waits until the replicator of `databasePath` has uploaded everything committed
 * before `committedBeforeUs`. Returns `not-running` at once when no live replicator publishes status.
 */
export async function waitUntilDurable(
  databasePath: string,
  options: DurableWaitOptions = {},
): Promise<DurableResult> {
  const committedBeforeUs = options.committedBeforeUs ?? monotonicNowUs()
  const timeoutMs = options.timeoutMs ?? DEFAULT_DURABLE_TIMEOUT_MS
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_DURABLE_POLL_INTERVAL_MS
  const paths = statePaths(databasePath)
  const startedAtMs = Date.now()
  requestSync(paths)
  for (;;) {
    const waitedMs = Date.now() - startedAtMs
    const status = readStatusFile(paths)
    if (!status || !replicatorIsLive(status)) return { durable: false, reason: 'not-running', waitedMs }
    if (status.durableThroughMonotonicUs !== null && status.durableThroughMonotonicUs > committedBeforeUs) {
      return { durable: true, waitedMs }
    }
    if (waitedMs >= timeoutMs) return { durable: false, reason: 'timeout', waitedMs }
    await sleep(pollIntervalMs)
  }
}

/** In-process waits on one replicator: each resolves once the durable instant passes its own. */
export class DurableWaiters {
  private throughUs = -1
  private readonly waiting = new Set<{ afterUs: number; done: () => void }>()

  /** A sync that started at `monotonicUs` uploaded everything it read. */
  reached(monotonicUs: number): void {
    this.throughUs = Math.max(this.throughUs, monotonicUs)
    for (const waiter of [...this.waiting]) if (this.throughUs > waiter.afterUs) waiter.done()
  }

  wait(committedBeforeUs: number, timeoutMs = DEFAULT_DURABLE_TIMEOUT_MS): Promise<DurableResult> {
    const startedAtMs = Date.now()
    return new Promise<DurableResult>((resolve) => {
      const finish = (result: DurableResult) => {
        clearTimeout(timer)
        this.waiting.delete(waiter)
        resolve(result)
      }
      const waiter = {
        afterUs: committedBeforeUs,
        done: () => finish({ durable: true, waitedMs: Date.now() - startedAtMs }),
      }
      const timer = setTimeout(
        () => finish({ durable: false, reason: 'timeout', waitedMs: Date.now() - startedAtMs }),
        timeoutMs,
      )
      this.waiting.add(waiter)
      this.reached(this.throughUs)
    })
  }
}
