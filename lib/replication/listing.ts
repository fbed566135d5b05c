// What a replica holds, read from the store's listing: generations with their snapshots and WAL
// segments, sorted explicitly by (index, offset) rather than trusting listing order.
import { GENERATIONS_PREFIX, generationPrefix, parseReplicaKey } from './position'
import type { ReplicaStore } from './store'

export interface SnapshotInfo {
  readonly key: string
  readonly generation: string
  readonly index: number
  readonly sizeBytes: number
  readonly lastModifiedMs: number
}

export interface SegmentInfo {
  readonly key: string
  readonly generation: string
  readonly index: number
  readonly offset: number
  readonly sizeBytes: number
  readonly lastModifiedMs: number
}

export interface GenerationInfo {
  readonly generation: string
  /** Sorted by index. */
  readonly snapshots: readonly SnapshotInfo[]
  /** Sorted by (index, offset). */
  readonly segments: readonly SegmentInfo[]
  /** Earliest and latest LastModified over all its objects, as Litestream computes them. */
  readonly createdAtMs: number
  readonly updatedAtMs: number
}

export interface ReplicaListing {
  /** Sorted by generation name. */
  readonly generations: readonly GenerationInfo[]
  /** Keys under generations/ that are not snapshots or WAL segments (Litestream ignores them too). */
  readonly ignoredKeys: readonly string[]
}

export function compareSegments(
  a: { index: number; offset: number },
  b: { index: number; offset: number },
): number {
  return a.index - b.index || a.offset - b.offset
}

/** Lists every generation of the replica, or only `generation` when given. */
export async function listReplica(store: ReplicaStore, generation?: string): Promise<ReplicaListing> {
  const objects = await store.list(generation ? generationPrefix(generation) : GENERATIONS_PREFIX)
  const byGeneration = new Map<string, { snapshots: SnapshotInfo[]; segments: SegmentInfo[] }>()
  const ignoredKeys: string[] = []
  for (const object of objects) {
    const parsed = parseReplicaKey(object.key)
    if (!parsed) {
      ignoredKeys.push(object.key)
      continue
    }
    let entry = byGeneration.get(parsed.generation)
    if (!entry) byGeneration.set(parsed.generation, (entry = { snapshots: [], segments: [] }))
    const info = { key: object.key, sizeBytes: object.sizeBytes, lastModifiedMs: object.lastModifiedMs }
    if (parsed.kind === 'snapshot')
      entry.snapshots.push({ ...info, generation: parsed.generation, index: parsed.index })
    else
      entry.segments.push({
        ...info,
        generation: parsed.generation,
        index: parsed.index,
        offset: parsed.offset,
      })
  }
  const generations = [...byGeneration.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, { snapshots, segments }]) => {
      const times = [...snapshots, ...segments].map((o) => o.lastModifiedMs)
      return {
        generation: name,
        snapshots: snapshots.sort((a, b) => a.index - b.index),
        segments: segments.sort(compareSegments),
        createdAtMs: Math.min(...times),
        updatedAtMs: Math.max(...times),
      }
    })
  return { generations, ignoredKeys }
}

/** The generation written to most recently (greatest updatedAt), or null for an empty replica. */
export function latestGeneration(listing: ReplicaListing): GenerationInfo | null {
  let best: GenerationInfo | null = null
  for (const g of listing.generations) if (!best || g.updatedAtMs > best.updatedAtMs) best = g
  return best
}
