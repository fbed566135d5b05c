// Roles, and what each may do. Shared by server and client code (no data access here).
import { z } from 'zod'

export const ROLES = ['listener', 'host', 'admin'] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

/** The role column is a plain string in SQLite; anything unexpected counts as the least privileged. */
export function parseRole(value: string): Role {
  const parsed = RoleSchema.safeParse(value)
  return parsed.success ? parsed.data : 'listener'
}
