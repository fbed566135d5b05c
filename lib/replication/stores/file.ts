// A replica in a local folder, laid out as Litestream's `file` replica type, so
// `litestream restore file:///that/folder` reads it. Objects are written to `<name>.tmp`, flushed
// and renamed, so a crash never leaves a partial object under its real name.
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type { ReplicaStore, StoredObject } from '../store'

const TEMP_SUFFIX = '.tmp'

export class FileStore implements ReplicaStore {
  readonly description: string

  constructor(private readonly directory: string) {
    this.description = `file://${directory}`
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const path = this.pathOf(key)
    const temp = path + TEMP_SUFFIX
    try {
      await mkdir(dirname(path), { recursive: true })
      const handle = await open(temp, 'w')
      try {
        await handle.writeFile(body)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, path)
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined)
      throw new Error(`write ${path}`, { cause: error })
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const bytes = await readFile(this.pathOf(key))
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new Error(`read ${this.pathOf(key)}`, { cause: error })
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key)
    try {
      const info = await stat(path)
      return info.isFile() ? { key, sizeBytes: info.size, lastModifiedMs: Math.floor(info.mtimeMs) } : null
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new Error(`stat ${path}`, { cause: error })
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = []
    const walk = async (dir: string): Promise<void> => {
      let entries
      try {
        entries = await readdir(dir, { withFileTypes: true })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
        throw new Error(`list ${dir}`, { cause: error })
      }
      for (const entry of entries) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) {
          await walk(path)
        } else if (entry.isFile() && !entry.name.endsWith(TEMP_SUFFIX)) {
          const key = relative(this.directory, path).split(sep).join('/')
          if (!key.startsWith(prefix)) continue
          const info = await stat(path).catch(() => null) // deleted meanwhile
          if (info) found.push({ key, sizeBytes: info.size, lastModifiedMs: Math.floor(info.mtimeMs) })
        }
      }
    }
    const slash = prefix.lastIndexOf('/')
    await walk(slash === -1 ? this.directory : join(this.directory, prefix.slice(0, slash)))
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await rm(this.pathOf(key), { force: true }).catch((error: unknown) => {
        throw new Error(`delete ${this.pathOf(key)}`, { cause: error })
      })
    }
  }

  close(): void {}

  private pathOf(key: string): string {
    if (key.split('/').some((part) => part === '..' || part === ''))
      throw new Error(`invalid object key "${key}"`)
    return join(this.directory, ...key.split('/'))
  }
}
