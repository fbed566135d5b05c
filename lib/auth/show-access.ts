// Hosts per show, at request time: the bridge between the pure policy (lib/auth/policy.ts,
// which decides) and the grants stored in ShowHost (lib/users/show-hosts.ts). Grants are read
// fresh on every check, so a revoke takes effect on the caller's next request.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { authorize, callerOnShow, type Permission, type ShowScope } from '@/lib/auth/policy'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import type { Result } from '@/lib/result'
import { holdsGrant, hostedShowIds } from '@/lib/users/show-hosts'

const NO_SHOWS: ReadonlySet<number> = new Set()

/** The scope of one show for `caller`: only a host's grants matter (admins need none, listeners have none). */
export async function showScope(db: PrismaClient, caller: Caller | null, showId: number): Promise<ShowScope> {
  const hosts = caller?.role === 'host' && (await holdsGrant(db, caller.id, showId))
  return { showId, hostOf: hosts ? new Set([showId]) : NO_SHOWS }
}

/**
 * `authorize` on one show: the role first (401, banned, 403 without a query), then the grant
 * (403 "You are not a host of this show." for a host of other shows).
 */
export async function authorizeOnShow(
  ctx: { db: PrismaClient; caller: Caller | null },
  permission: Permission,
  showId: number,
): Promise<Result<Caller>> {
  const byRole = authorize(ctx.caller, permission)
  if (!byRole.ok) return byRole
  return authorize(byRole.value, permission, await showScope(ctx.db, byRole.value, showId))
}

/** The caller as they act on one show (a host without a grant there is a listener there), for pages and reads. */
export async function viewerOnShow<C extends Caller | null>(
  db: PrismaClient,
  caller: C,
  showId: number,
): Promise<C> {
  if (!caller) return caller
  return callerOnShow(caller, await showScope(db, caller, showId))
}

/** Which shows a use case spanning shows (the studio, the queues) shows `caller`: every show for admins. */
export async function showsOf(db: PrismaClient, caller: Caller): Promise<'every-show' | ReadonlySet<number>> {
  if (caller.role === 'admin') return 'every-show'
  if (caller.role !== 'host') return NO_SHOWS
  return hostedShowIds(db, caller.id)
}

/** A Prisma filter on a show id column for `showsOf`'s answer. */
export function showIdFilter(shows: 'every-show' | ReadonlySet<number>): { in: number[] } | undefined {
  return shows === 'every-show' ? undefined : { in: [...shows] }
}
