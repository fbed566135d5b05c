// On start-up: can we continue the replica's latest generation? Only if the WAL on disk is still
// the very file whose frames the last uploaded segment holds (same salts, same bytes at the same
// offset). Otherwise continuity is lost (the WAL was truncated, restarted or replaced while we
// were stopped) and the caller starts a new generation.
import type { FollowState } from './follower'
import { latestGeneration, listReplica } from './listing'
import { decodeLz4Frame } from './lz4'
import { formatPosition } from './position'
import type { ReplicaStore } from './store'
import {
  lastFrameChecksum,
  lastFrameSalts,
  parseWalHeader,
  sameWal,
  WAL_HEADER_BYTES,
  walFrameBytes,
} from './wal'
import { readWalHeader, readWalRange } from './wal-file'

export type ResumeDecision =
  | {
      readonly kind: 'resume'
      readonly state: FollowState
      readonly lastSnapshotAtMs: number
      /** The generation's newest snapshot: what a restore of its latest state starts from. */
      readonly lastSnapshotKey: string
    }
  | { readonly kind: 'new-generation'; readonly reason: string }

export async function decideResume(store: ReplicaStore, walPath: string): Promise<ResumeDecision> {
  const fresh = (reason: string): ResumeDecision => ({ kind: 'new-generation', reason })
  const generation = latestGeneration(await listReplica(store))
  if (!generation) return fresh('the replica has no generation yet')
  const last = generation.segments.at(-1)
  const lastSnapshot = generation.snapshots.at(-1)
  if (!last || !lastSnapshot)
    return fresh(`generation ${generation.generation} has no WAL segment to continue from`)
  const header = readWalHeader(walPath)
  if (!header) return fresh('the database has no WAL to continue from')

  const stored = await store.get(last.key)
  if (!stored) return fresh(`${last.key} vanished while resuming`)
  let body: Uint8Array
  try {
    body = decodeLz4Frame(stored)
    if (last.offset === 0) parseWalHeader(body)
  } catch (error) {
    return fresh(`${last.key} is unreadable (${error instanceof Error ? error.message : String(error)})`)
  }
  const frameBytes = walFrameBytes(header.pageSize)
  const end = last.offset + body.length
  const position = formatPosition({ generation: generation.generation, index: last.index, offset: end })
  if ((end - WAL_HEADER_BYTES) % frameBytes !== 0)
    return fresh(`${position} is not on a frame boundary of this WAL`)
  if (last.offset === 0 && !sameWal(parseWalHeader(body), header))
    return fresh(`the WAL restarted after ${position}`)
  if (body.length - (last.offset === 0 ? WAL_HEADER_BYTES : 0) < frameBytes) {
    return fresh(`${last.key} holds no frame to compare with the WAL`)
  }
  const [salt1, salt2] = lastFrameSalts(body, header.pageSize)
  if (salt1 !== header.salt1 || salt2 !== header.salt2) return fresh(`the WAL restarted after ${position}`)
  const onDisk = readWalRange(walPath, end - frameBytes, frameBytes)
  if (!Buffer.from(body.subarray(body.length - frameBytes)).equals(onDisk)) {
    return fresh(`the WAL was truncated or overwritten after ${position}`)
  }
  return {
    kind: 'resume',
    state: {
      generation: generation.generation,
      index: last.index,
      offset: end,
      header,
      checksum: lastFrameChecksum(body, header.pageSize),
    },
    lastSnapshotAtMs: lastSnapshot.lastModifiedMs,
    lastSnapshotKey: lastSnapshot.key,
  }
}
