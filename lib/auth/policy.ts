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

/** The caller, when signed in, not banned and in a role that allows `permission`. */
export function authorize(caller: Caller | null, permission: Permission): Result<Caller> {
  if (!caller) return fail({ error: 'unauthenticated' })
  if (caller.bannedAt) return fail({ error: 'banned' })
  if (!roleAllows(caller.role, permission)) {
    const need = NEEDED_ROLE[permission]
    return fail({ error: 'forbidden', need: need === 'listener' ? undefined : need })
  }
  return ok(caller)
}

/** Whether `caller` may ban (or unban) a user of `targetRole`: hosts ban listeners, admins hosts, nobody an admin. */
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
