// The admin page's read of the accounts (app/admin/users/): each user with role, ban and the
// shows they host, and every show an admin can grant. Nothing here authorizes;
// lib/users/show-host-operations.ts does.
import 'server-only'
import { parseRole, type Role } from '@/lib/auth/roles'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export interface ShowChoice {
  slug: string
  title: string
}

export interface ListedUser {
  id: string
  name: string
  email: string
  role: Role
  bannedAt: Date | null
  createdAt: Date
  /** The shows the user holds a host grant on, by title. */
  shows: ShowChoice[]
}

/** How many users one page lists; a query narrows a larger network down. */
export const USER_LIST_LIMIT = 500

/** Users by email (those whose name or email contains `query`, when given), and every show by title. */
export async function listUsers(
  db: PrismaClient,
  query?: string,
): Promise<{ users: ListedUser[]; shows: ShowChoice[] }> {
  const [rows, shows] = await Promise.all([
    db.user.findMany({
      where: query ? { OR: [{ email: { contains: query } }, { name: { contains: query } }] } : {},
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        bannedAt: true,
        createdAt: true,
        hostOf: {
          select: { show: { select: { slug: true, title: true } } },
          orderBy: { show: { title: 'asc' } },
        },
      },
      orderBy: { email: 'asc' },
      take: USER_LIST_LIMIT,
    }),
    db.show.findMany({ select: { slug: true, title: true }, orderBy: { title: 'asc' } }),
  ])
  const users = rows.map(({ hostOf, ...user }) => ({
    ...user,
    role: parseRole(user.role),
    shows: hostOf.map((grant) => grant.show),
  }))
  return { users, shows }
}
