// Who is calling: the signed-in user behind a session cookie or an API token, as every
// mutation needs it. A DTO, not the User row (no email verification flags, no timestamps
// the checks do not use).
import type { Role } from '@/lib/auth/roles'

export interface Caller {
  id: string
  name: string
  email: string
  role: Role
  /** Set when a moderator banned the user: they can read but not write. */
  bannedAt: Date | null
}

export const CALLER_SELECT = { id: true, name: true, email: true, role: true, bannedAt: true } as const

/**
 * The operator at the server's shell (`npm run user`): whoever can open the database file
 * already holds every power, so the CLI acts as an admin that is no user. Operations still
 * authorize it through lib/auth/policy.ts like anyone else.
 */
export const OPERATOR: Caller = { id: 'operator', name: 'operator', email: '', role: 'admin', bannedAt: null }
