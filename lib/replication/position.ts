// Generations, positions and object keys of Litestream's v0.3 replica layout: pure functions.
//   generations/<generation>/snapshots/<index %08x>.snapshot.lz4
//   generations/<generation>/wal/<index %08x>_<offset %08x>.wal.lz4
import { randomBytes } from 'node:crypto'

/** Largest WAL index a generation may reach (Litestream's limit). */
export const MAX_WAL_INDEX = 0x7fffffff
/** Largest byte offset an 8-hex-digit key can name: one index's WAL must stay under 4 GiB. */
export const MAX_WAL_OFFSET = 0xffffffff
export const GENERATIONS_PREFIX = 'generations/'

/** A generation id: 16 lowercase hex characters. */
export const GENERATION_ID_PATTERN = /^[0-9a-f]{16}$/
const SNAPSHOT_PATTERN = /^generations\/([0-9a-f]{16})\/snapshots\/([0-9a-f]{8})\.snapshot\.lz4$/
const WAL_SEGMENT_PATTERN = /^generations\/([0-9a-f]{16})\/wal\/([0-9a-f]{8})_([0-9a-f]{8})\.wal\.lz4$/

/** Where replication stands: the next byte to ship is `offset` in WAL file `index` of `generation`. */
export interface Position {
  readonly generation: string
  readonly index: number
  readonly offset: number
}

export type ReplicaKey =
  | { readonly kind: 'snapshot'; readonly generation: string; readonly index: number }
  | { readonly kind: 'wal'; readonly generation: string; readonly index: number; readonly offset: number }

/** A new generation name: 16 lowercase hex characters, as Litestream makes them. */
export function newGenerationId(): string {
  return randomBytes(8).toString('hex')
}

export function isGenerationId(value: string): boolean {
  return GENERATION_ID_PATTERN.test(value)
}

/** `n` as 8 lowercase hex digits, the form every index and offset takes in a key. */
export function hex8(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WAL_OFFSET)
    throw new RangeError(`${n} does not fit in 8 hex digits`)
  return n.toString(16).padStart(8, '0')
}

/** Litestream's notation: `<generation>/<index %08x>:<offset>`. */
export function formatPosition(position: Position): string {
  return `${position.generation}/${hex8(position.index)}:${position.offset}`
}

export function generationPrefix(generation: string): string {
  return `${GENERATIONS_PREFIX}${generation}/`
}

export function snapshotKey(generation: string, index: number): string {
  return `${generationPrefix(generation)}snapshots/${hex8(index)}.snapshot.lz4`
}

export function walSegmentKey(generation: string, index: number, offset: number): string {
  return `${generationPrefix(generation)}wal/${hex8(index)}_${hex8(offset)}.wal.lz4`
}

/** The short name logs and errors use for a segment: `<index>_<offset>`. */
export function segmentName(index: number, offset: number): string {
  return `${hex8(index)}_${hex8(offset)}`
}

/** Parses a key relative to the replica root; null when it is not a snapshot or WAL segment key. */
export function parseReplicaKey(key: string): ReplicaKey | null {
  const snapshot = SNAPSHOT_PATTERN.exec(key)
  if (snapshot) return { kind: 'snapshot', generation: snapshot[1]!, index: parseInt(snapshot[2]!, 16) }
  const wal = WAL_SEGMENT_PATTERN.exec(key)
  if (wal)
    return { kind: 'wal', generation: wal[1]!, index: parseInt(wal[2]!, 16), offset: parseInt(wal[3]!, 16) }
  return null
}
