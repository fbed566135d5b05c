// Which objects a restore uses: the generation, its snapshot, and the WAL segments after it, up to
// a point in time. Litestream's rules (§7 and §9 of the format notes), with two differences: we
// sort explicitly instead of trusting listing order, and a timestamp after a generation's last
// upload restores that generation's latest state instead of failing.
import type { GenerationInfo, ReplicaListing, SegmentInfo, SnapshotInfo } from './listing'
import { hex8, segmentName } from './position'

/** A replica that cannot be restored as asked: missing, incomplete or corrupt objects. */
export class RestoreError extends Error {
  override readonly name = 'RestoreError'
}

export interface RestorePlan {
  readonly generation: string
  readonly snapshot: SnapshotInfo
  /** WAL indexes from the snapshot's on, each with its segments in offset order. */
  readonly indexes: readonly { readonly index: number; readonly segments: readonly SegmentInfo[] }[]
}

export interface PlanRequest {
  /** Restore the state as of this time (ms since the epoch), compared with object LastModified. */
  readonly timestampMs?: number
  /** Restore from this generation only. */
  readonly generation?: string
}

function chooseGeneration(listing: ReplicaListing, request: PlanRequest, replica: string): GenerationInfo {
  const t = request.timestampMs
  let candidates = listing.generations
  if (request.generation !== undefined) {
    candidates = candidates.filter((g) => g.generation === request.generation)
    if (candidates.length === 0)
      throw new RestoreError(`generation ${request.generation} not found in ${replica}`)
  }
  if (candidates.length === 0) throw new RestoreError(`no backups found in ${replica}: it has no generations`)
  const eligible = candidates.filter((g) => g.snapshots.some((s) => t === undefined || s.lastModifiedMs <= t))
  if (eligible.length === 0) {
    const when = t === undefined ? '' : ` at or before ${new Date(t).toISOString()}`
    throw new RestoreError(
      `no snapshot${when} in ${request.generation ? `generation ${request.generation} of ` : ''}${replica}`,
    )
  }
  const score = (g: GenerationInfo) => (t === undefined ? g.updatedAtMs : Math.min(g.updatedAtMs, t))
  return eligible.reduce((best, g) =>
    score(g) > score(best) || (score(g) === score(best) && g.createdAtMs > best.createdAtMs) ? g : best,
  )
}

export function planRestore(listing: ReplicaListing, request: PlanRequest, replica: string): RestorePlan {
  const t = request.timestampMs
  const generation = chooseGeneration(listing, request, replica)
  const snapshots = generation.snapshots.filter((s) => t === undefined || s.lastModifiedMs <= t)
  const snapshot = snapshots.at(-1)! // sorted by index; chooseGeneration guarantees one
  const where = `generation ${generation.generation} of ${replica}`

  const segments: SegmentInfo[] = []
  for (const segment of generation.segments) {
    if (segment.index < snapshot.index) continue
    if (t !== undefined && segment.lastModifiedMs > t) break // later segments cannot apply without this one
    segments.push(segment)
  }
  const indexes: { index: number; segments: SegmentInfo[] }[] = []
  for (const segment of segments) {
    const last = indexes.at(-1)
    if (last && last.index === segment.index) {
      last.segments.push(segment)
      continue
    }
    const expectedIndex = last ? last.index + 1 : snapshot.index
    if (segment.index !== expectedIndex) {
      throw new RestoreError(
        `${where} is incomplete: WAL index ${hex8(expectedIndex)} is missing (next is ${hex8(segment.index)})`,
      )
    }
    if (segment.offset !== 0) {
      throw new RestoreError(
        `${where} is incomplete: WAL index ${hex8(segment.index)} has no segment at offset 0 (first is ${segmentName(segment.index, segment.offset)})`,
      )
    }
    indexes.push({ index: segment.index, segments: [segment] })
  }
  return { generation: generation.generation, snapshot, indexes }
}
