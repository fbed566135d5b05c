// A ReplicaStore wrapper that fails on command, to test what the replicator does with a store
// that errors (rather than one that is unreachable, which the S3 tests cover).
import type { ReplicaStore, StoredObject } from '../../lib/replication/store'

export class FaultyStore implements ReplicaStore {
  failing = false
  puts = 0
  readonly description: string

  constructor(private readonly inner: ReplicaStore) {
    this.description = `faulty ${inner.description}`
  }

  private check(operation: string): void {
    if (this.failing) throw new Error(`injected fault: ${operation} refused`)
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    this.check(`put ${key}`)
    this.puts++
    await this.inner.put(key, body)
  }

  async get(key: string): Promise<Uint8Array | null> {
    this.check(`get ${key}`)
    return this.inner.get(key)
  }

  async head(key: string): Promise<StoredObject | null> {
    this.check(`head ${key}`)
    return this.inner.head(key)
  }

  async list(prefix: string): Promise<StoredObject[]> {
    this.check(`list ${prefix}`)
    return this.inner.list(prefix)
  }

  async delete(keys: readonly string[]): Promise<void> {
    this.check('delete')
    await this.inner.delete(keys)
  }

  close(): void {
    this.inner.close()
  }
}
