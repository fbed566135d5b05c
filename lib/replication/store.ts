// The replica store: where snapshots and WAL segments go. A small interface with two backends,
// chosen by the replica URL's scheme: `s3://bucket/path` (stores/s3.ts) and `file:///abs/path`
// (stores/file.ts, the layout of Litestream's `file` replica type).
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileStore } from './stores/file'
import { S3Store, type S3Settings } from './stores/s3'

export interface StoredObject {
  /** Key relative to the replica root, e.g. `generations/<gen>/wal/00000000_00000000.wal.lz4`. */
  readonly key: string
  readonly sizeBytes: number
  /** When the store last wrote the object (S3 LastModified, or the file's mtime), in ms since the epoch. */
  readonly lastModifiedMs: number
}

export interface ReplicaStore {
  /** Where the replica lives, for logs and errors; never contains credentials. */
  readonly description: string
  /** Writes a complete object atomically: readers see all of it or none of it. */
  put(key: string, body: Uint8Array): Promise<void>
  /** The object's bytes, or null when it does not exist. */
  get(key: string): Promise<Uint8Array | null>
  /**
   * One object's size and time without its bytes (S3 HeadObject, a stat in a folder), or null when
   * it does not exist. The replicator's cheap check that its generation's snapshot is still there.
   */
  head(key: string): Promise<StoredObject | null>
  /** Every object under `prefix`, all pages, sorted by key. */
  list(prefix: string): Promise<StoredObject[]>
  /** Deletes the keys; missing keys are not an error. */
  delete(keys: readonly string[]): Promise<void>
  close(): void
}

export type ReplicaLocation =
  | { readonly kind: 's3'; readonly bucket: string; readonly root: string }
  | { readonly kind: 'file'; readonly directory: string }

/** Parses `s3://bucket/path`, `file:///abs/path` or `file:./relative/path`; throws a clear error otherwise. */
export function parseReplicaUrl(url: string): ReplicaLocation {
  if (url.startsWith('s3://')) {
    const rest = url.slice('s3://'.length)
    const slash = rest.indexOf('/')
    const bucket = slash === -1 ? rest : rest.slice(0, slash)
    const root = slash === -1 ? '' : rest.slice(slash + 1).replace(/^\/+|\/+$/g, '')
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
      throw new Error(`replica URL ${url}: "${bucket}" is not a valid S3 bucket name`)
    }
    return { kind: 's3', bucket, root }
  }
  if (url.startsWith('file://')) {
    if (url.startsWith('file:///')) return { kind: 'file', directory: fileURLToPath(url) }
    return { kind: 'file', directory: resolve(url.slice('file://'.length)) }
  }
  if (url.startsWith('file:')) return { kind: 'file', directory: resolve(url.slice('file:'.length)) }
  throw new Error(`replica URL ${url}: expected s3://bucket/path or file:///absolute/path`)
}

/** Opens the store a replica URL names; S3 settings apply only to s3:// URLs. */
export function openStore(url: string, s3: Omit<S3Settings, 'bucket' | 'root'> = {}): ReplicaStore {
  const location = parseReplicaUrl(url)
  if (location.kind === 'file') return new FileStore(location.directory)
  return new S3Store({ ...s3, bucket: location.bucket, root: location.root })
}
