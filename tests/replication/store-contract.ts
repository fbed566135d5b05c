// One behaviour suite for every ReplicaStore backend (as Litestream's replica_client_test).
import { describe, expect, it } from 'vitest'
import type { ReplicaStore } from '../../lib/replication/store'

export function describeStoreContract(name: string, open: () => ReplicaStore): void {
  describe(`${name} store contract`, () => {
    it('puts, gets and lists objects with sizes and times', async () => {
      const store = open()
      const before = Date.now()
      await store.put('generations/a/wal/1', new Uint8Array([1, 2, 3]))
      await store.put('generations/a/snapshots/1', new Uint8Array(10))
      expect(await store.get('generations/a/wal/1')).toEqual(new Uint8Array([1, 2, 3]))
      const listed = await store.list('generations/')
      expect(listed.map((o) => [o.key, o.sizeBytes])).toEqual([
        ['generations/a/snapshots/1', 10],
        ['generations/a/wal/1', 3],
      ])
      for (const o of listed) expect(o.lastModifiedMs).toBeGreaterThanOrEqual(before - 2_000)
      store.close()
    })

    it('heads an object without its bytes', async () => {
      const store = open()
      const before = Date.now()
      await store.put('generations/h/snapshots/1', new Uint8Array(7))
      const found = await store.head('generations/h/snapshots/1')
      expect(found).toMatchObject({ key: 'generations/h/snapshots/1', sizeBytes: 7 })
      expect(found!.lastModifiedMs).toBeGreaterThanOrEqual(before - 2_000)
      await store.delete(['generations/h/snapshots/1'])
      expect(await store.head('generations/h/snapshots/1')).toBeNull()
      store.close()
    })

    it('returns null for a missing key and an empty list for a missing prefix', async () => {
      const store = open()
      expect(await store.get('generations/none/wal/x')).toBeNull()
      expect(await store.head('generations/none/wal/x')).toBeNull()
      expect(await store.list('generations/none/')).toEqual([])
      store.close()
    })

    it('overwrites atomically and deletes, ignoring missing keys', async () => {
      const store = open()
      await store.put('k/one', new Uint8Array([1]))
      await store.put('k/one', new Uint8Array([2, 2]))
      expect(await store.get('k/one')).toEqual(new Uint8Array([2, 2]))
      await store.delete(['k/one', 'k/never-existed'])
      expect(await store.get('k/one')).toBeNull()
      store.close()
    })

    it('lists more than one page of keys, sorted', async () => {
      const store = open()
      const keys = Array.from({ length: 1105 }, (_, i) => `many/${String(i).padStart(5, '0')}`)
      for (let i = 0; i < keys.length; i += 50)
        await Promise.all(keys.slice(i, i + 50).map((k) => store.put(k, new Uint8Array([1]))))
      const listed = await store.list('many/')
      expect(listed.map((o) => o.key)).toEqual(keys)
      await store.delete(keys)
      expect(await store.list('many/')).toEqual([])
      store.close()
    })

    it('stores a large object intact', async () => {
      const store = open()
      const body = new Uint8Array(12 * 1024 * 1024).map((_, i) => (i * 7) & 0xff)
      await store.put('big/object', body)
      const back = await store.get('big/object')
      expect(back?.length).toBe(body.length)
      expect(Buffer.from(back!).equals(Buffer.from(body))).toBe(true)
      store.close()
    })
  })
}
