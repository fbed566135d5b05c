// When syncs run. Every syncIntervalMs at the latest (Litestream's ticker), and sooner in two cases:
// - the WAL changed and nothing was uploaded for syncIntervalMs: the first commit after a quiet
//   spell ships at once, while uploads stay at most one per syncIntervalMs under steady writes;
// - someone asked (a durable wait, in this process or through the sync-request file).
// After a failed sync the wait is the retry backoff instead, doubling up to its maximum.
import { type FSWatcher, watch } from 'node:fs'

export interface SyncLoopOptions {
  readonly syncIntervalMs: number
  readonly retryInitialDelayMs: number
  readonly retryMaxDelayMs: number
  /** The -wal file, watched (while the loop sleeps) to notice commits between ticks. */
  readonly walPath: string
}

export class SyncLoop {
  private running = false
  private loop: Promise<void> | null = null
  private requested = false
  private wakeAtMs = 0
  private timer: NodeJS.Timeout | null = null
  private resolveSleep: (() => void) | null = null
  private walWatcher: FSWatcher | null = null
  private lastUploadStartMs = Number.NEGATIVE_INFINITY

  constructor(
    private readonly options: SyncLoopOptions,
    /** One sync step; resolves true when it uploaded something. */
    private readonly sync: () => Promise<boolean>,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.running = false
    this.wakeNow()
    await this.loop
  }

  /** Runs the next sync now, or right after the one in progress. */
  request(): void {
    this.requested = true
    this.wakeNow()
  }

  private async run(): Promise<void> {
    let failures = 0
    while (this.running) {
      this.requested = false
      const startedAtMs = Date.now()
      const uploaded = await this.sync().then(
        (result) => ((failures = 0), result),
        () => ((failures += 1), false),
      )
      if (uploaded) this.lastUploadStartMs = startedAtMs
      if (!this.running) break
      if (this.requested && failures === 0) continue
      const backoffMs = Math.min(
        this.options.retryMaxDelayMs,
        this.options.retryInitialDelayMs * 2 ** (failures - 1),
      )
      await this.sleepUntil(
        failures > 0 ? Date.now() + backoffMs : startedAtMs + this.options.syncIntervalMs,
        failures === 0,
      )
    }
  }

  private sleepUntil(wakeAtMs: number, watchWal: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolveSleep = resolve
      this.reschedule(wakeAtMs)
      if (watchWal) this.watchWal()
    })
  }

  private reschedule(wakeAtMs: number): void {
    this.wakeAtMs = wakeAtMs
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.wakeNow(), Math.max(0, wakeAtMs - Date.now()))
  }

  private wakeNow(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.walWatcher?.close()
    this.walWatcher = null
    const resolve = this.resolveSleep
    this.resolveSleep = null
    resolve?.()
  }

  /** Until the first change (then the watcher closes: one event is all we need per sleep). */
  private watchWal(): void {
    try {
      this.walWatcher = watch(this.options.walPath, () => {
        this.walWatcher?.close()
        this.walWatcher = null
        const earliestMs = Math.max(Date.now(), this.lastUploadStartMs + this.options.syncIntervalMs)
        if (earliestMs < this.wakeAtMs) this.reschedule(earliestMs)
      })
      this.walWatcher.on('error', () => this.walWatcher?.close())
    } catch {
      // No WAL file yet: the interval alone decides.
    }
  }
}
