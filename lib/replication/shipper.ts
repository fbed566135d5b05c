// The upload queue. Objects are compressed once, when queued, and uploaded strictly in order; a
// failed upload stays at the head and is retried with the very same bytes, so a key is never
// written with two different contents even if a timed-out request lands late.
import { encodeLz4Frame } from './lz4'
import type { Segment } from './follower'
import { hex8, segmentName, snapshotKey, walSegmentKey } from './position'
import type { ReplicaStore } from './store'

export interface QueuedObject {
  readonly key: string
  readonly body: Uint8Array
  /** For errors and logs: `snapshot 00000000` or `wal segment 00000001_00001038`. */
  readonly label: string
  readonly kind: 'snapshot' | 'wal'
  /** Where the replica stands once this object is uploaded. */
  readonly shipped: { readonly generation: string; readonly index: number; readonly offset: number }
}

export class Shipper {
  private queue: QueuedObject[] = []
  uploadedBytes = 0
  uploadedObjects = 0

  constructor(private readonly onShipped: (object: QueuedObject) => void) {}

  get pendingObjects(): number {
    return this.queue.length
  }

  get pendingBytes(): number {
    return this.queue.reduce((sum, o) => sum + o.body.length, 0)
  }

  queueSnapshot(generation: string, index: number, body: Uint8Array): void {
    this.queue.push({
      key: snapshotKey(generation, index),
      body,
      label: `snapshot ${generation}/${hex8(index)}`,
      kind: 'snapshot',
      shipped: { generation, index, offset: 0 },
    })
  }

  queueSegment(segment: Segment): void {
    const { generation, index, offset, bytes } = segment
    this.queue.push({
      key: walSegmentKey(generation, index, offset),
      body: encodeLz4Frame(bytes),
      label: `wal segment ${generation}/${segmentName(index, offset)}`,
      kind: 'wal',
      shipped: { generation, index, offset: offset + bytes.length },
    })
  }

  /** Drops everything queued (the generation it belonged to was abandoned). */
  clear(): void {
    this.queue = []
  }

  /** Uploads the queue in order; throws on the first failure, keeping that object and the rest. */
  async flush(store: ReplicaStore): Promise<void> {
    for (;;) {
      const next = this.queue[0]
      if (!next) return
      try {
        await store.put(next.key, next.body)
      } catch (error) {
        throw new Error(`upload ${next.label}`, { cause: error })
      }
      this.queue.shift()
      this.uploadedBytes += next.body.length
      this.uploadedObjects++
      this.onShipped(next)
    }
  }
}
