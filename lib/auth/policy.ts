// Who may do what: the one place that decides. Every operation (lib/*/operations.ts) asks here
// before it touches data; adapters (route handlers, server actions, CLIs) never decide. A ban
// is checked here once, for every kind of write, hosts and admins included.
import type { Caller } from '@/lib/auth/caller'
import type { Role } from '@/lib/auth/roles'
import { fail, ok, type Result } from '@/lib/result'

/**
 * - write: comment, reply, report, suggest a fix, edit one's own comments (any signed-in user)
 * - moderate: hide, approve, delete others' comments, ban listeners, switch comments off (hosts)
 * - edit-transcripts: edit, revert, split, merge, find/replace, rename speakers, review suggestions (hosts)
 * - manage-users: change roles, ban hosts (admins)
 */
export type Permission = 'write' | 'moderate' | 'edit-transcripts' | 'manage-users'

const NEEDED_ROLE: Record<Permission, Role> = {
  write: 'listener',
  moderate: 'host',
  'edit-transcripts': 'host',
  'manage-users': 'admin',
}

const RANK: Record<Role, number> = { listener: 0, host: 1, admin: 2 }

/** Whether a role allows a permission, ignoring bans: for showing or hiding UI. */
export function roleAllows(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[NEEDED_ROLE[permission]]
}

/**
 * One show a host-only permission is asked on, with the shows the caller holds a host grant on
 * (read by lib/auth/show-access.ts). Hosts are granted per show; admins act on every show.
 */
export interface ShowScope {
  showId: number
  hostOf: ReadonlySet<number>
}

/** The permissions a host holds per show: on a show they have no grant on, a host is a listener. */
const PER_SHOW: ReadonlySet<Permission> = new Set<Permission>(['moderate', 'edit-transcripts'])

export const NOT_HOST_OF_SHOW = 'You are not a host of this show.'

/**
 * The caller, when signed in, not banned and in a role that allows `permission`; with a `scope`,
 * a host must also hold a grant on that show (admins need none). Without a scope the role alone
 * decides: for use cases that span shows, which then read only the caller's shows.
 */
export function authorize(caller: Caller | null, permission: Permission, scope?: ShowScope): Result<Caller> {
  if (!caller) return fail({ error: 'unauthenticated' })
  if (caller.bannedAt) return fail({ error: 'banned' })
  if (!roleAllows(caller.role, permission)) {
    const need = NEEDED_ROLE[permission]
    return fail({ error: 'forbidden', need: need === 'listener' ? undefined : need })
  }
  if (scope && PER_SHOW.has(permission) && !hostsShow(caller, scope))
    return fail({ error: 'forbidden', need: 'host', message: NOT_HOST_OF_SHOW })
  return ok(caller)
}

function hostsShow(caller: Caller, scope: ShowScope): boolean {
  return caller.role === 'admin' || (caller.role === 'host' && scope.hostOf.has(scope.showId))
}

/**
 * The caller as they act on one show, for showing or hiding UI and for what they may read there:
 * a host without a grant on the show is a listener on it; admins and listeners stay as they are.
 */
export function callerOnShow<C extends { role: Role }>(caller: C, scope: ShowScope): C {
  return caller.role === 'host' && !scope.hostOf.has(scope.showId) ? { ...caller, role: 'listener' } : caller
}

/**
 * Whether `caller` may ban (or unban) a user of `targetRole`: hosts ban listeners, admins hosts,
 * nobody an admin. A ban is network-wide (accounts are not per show), so any host may ban a listener.
 */
export function canBan(caller: Caller, targetRole: Role, targetId: string): boolean {
  if (targetId === caller.id || targetRole === 'admin') return false
  return targetRole === 'listener' || roleAllows(caller.role, 'manage-users')
}

/**
 * Whether a reader sees what moderators see (held and hidden comments, who is banned): a host or
 * admin who is not banned. The read-side twin of `authorize(caller, 'moderate')`.
 */
export function seesAsModerator(viewer: { role: Role; bannedAt?: Date | null } | null): boolean {
  return viewer !== null && !viewer.bannedAt && roleAllows(viewer.role, 'moderate')
}
