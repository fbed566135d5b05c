// The policy's per-show rule (docs/decisions/0014-hosts-per-show.md), without a database: hosts
// act on the shows in their grants, admins on every show, listeners on none; bans first.
import { describe, expect, it } from 'vitest'
import type { Caller } from './caller'
import { authorize, callerOnShow, NOT_HOST_OF_SHOW } from './policy'

const caller = (role: Caller['role'], bannedAt: Date | null = null): Caller => ({
  id: `${role}-1`,
  name: role,
  email: `${role}@example.test`,
  role,
  bannedAt,
})

const onShow = (showId: number, hostOf: number[] = []) => ({ showId, hostOf: new Set(hostOf) })
const notHost = { ok: false, failure: { error: 'forbidden', need: 'host', message: NOT_HOST_OF_SHOW } }

describe('authorize on a show', () => {
  it('lets a host edit and moderate the shows they hold a grant on, and no other', () => {
    const host = caller('host')
    for (const permission of ['edit-transcripts', 'moderate'] as const) {
      expect(authorize(host, permission, onShow(1, [1, 3]))).toEqual({ ok: true, value: host })
      expect(authorize(host, permission, onShow(2, [1, 3]))).toEqual(notHost)
      expect(authorize(host, permission, onShow(2))).toEqual(notHost)
    }
  })

  it('lets an admin act on every show without a grant', () => {
    const admin = caller('admin')
    expect(authorize(admin, 'edit-transcripts', onShow(7))).toEqual({ ok: true, value: admin })
    expect(authorize(admin, 'moderate', onShow(7))).toEqual({ ok: true, value: admin })
  })

  it('refuses listeners by role (need: host), grants or not, and checks sign-in and bans first', () => {
    expect(authorize(caller('listener'), 'edit-transcripts', onShow(1, [1]))).toEqual({
      ok: false,
      failure: { error: 'forbidden', need: 'host' },
    })
    expect(authorize(null, 'moderate', onShow(1, [1]))).toEqual({
      ok: false,
      failure: { error: 'unauthenticated' },
    })
    const bannedHost = caller('host', new Date())
    expect(authorize(bannedHost, 'edit-transcripts', onShow(1, [1]))).toEqual({
      ok: false,
      failure: { error: 'banned' },
    })
  })

  it('leaves permissions that are not per show to the role alone', () => {
    const listener = caller('listener')
    expect(authorize(listener, 'write', onShow(1))).toEqual({ ok: true, value: listener })
    expect(authorize(caller('host'), 'manage-users', onShow(1, [1]))).toMatchObject({
      ok: false,
      failure: { need: 'admin' },
    })
  })

  it('without a scope decides by role (use cases that span shows, then read only the caller’s)', () => {
    expect(authorize(caller('host'), 'edit-transcripts')).toMatchObject({ ok: true })
  })
})

describe('callerOnShow', () => {
  it('makes a host without a grant a listener on that show, and leaves everyone else as they are', () => {
    const host = caller('host')
    expect(callerOnShow(host, onShow(2, [1])).role).toBe('listener')
    expect(callerOnShow(host, onShow(1, [1]))).toBe(host)
    expect(callerOnShow(caller('admin'), onShow(2)).role).toBe('admin')
    expect(callerOnShow(caller('listener'), onShow(2, [2])).role).toBe('listener')
  })
})
