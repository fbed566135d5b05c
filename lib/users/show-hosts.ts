// The data layer of hosts per show (docs/decisions/0014-hosts-per-show.md): which shows a user
// holds a host grant on, granting and revoking. Nothing here authorizes: lib/auth/policy.ts
// decides what a grant allows, lib/users/operations.ts who may grant.
import 'server-only'
import { prismaDateTime } from '@/lib/db/datetime'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { ok, type Result } from '@/lib/result'

/** The ids of the shows `userId` holds a host grant on. */
export async function hostedShowIds(db: PrismaClient, userId: string): Promise<Set<number>> {
  const rows = await db.showHost.findMany({ where: { userId }, select: { showId: true } })
  return new Set(rows.map((row) => row.showId))
}

/** Whether `userId` holds a host grant on `showId` (one primary-key read). */
export async function holdsGrant(db: PrismaClient, userId: string, showId: number): Promise<boolean> {
  const row = await db.showHost.findUnique({
    where: { userId_showId: { userId, showId } },
    select: { showId: true },
  })
  return row !== null
}

export interface Grant {
  userId: string
  showId: number
  /** An admin's user id, "operator" (the CLI) or "migration". */
  grantedBy: string
  grantedAt: Date
}

/**
 * Grants `userId` the shows `showIds`, in one write transaction: a grant they already hold is
 * kept as it was (INSERT OR IGNORE: two admins granting at once both succeed), and a listener
 * becomes a host (a grant is what makes a host; docs/decisions/0014-hosts-per-show.md).
 * Answers how many grants are new.
 */
export function insertGrants(
  db: SqliteDatabase,
  userId: string,
  showIds: readonly number[],
  by: { grantedBy: string; grantedAt: Date },
): Promise<Result<number>> {
  return inWriteTransaction(db, () => {
    let created = 0
    for (const showId of showIds) {
      created += statement(
        db,
        `INSERT OR IGNORE INTO ShowHost (userId, showId, grantedAt, grantedBy) VALUES (?, ?, ?, ?)`,
      ).run(userId, showId, prismaDateTime(by.grantedAt), by.grantedBy).changes
    }
    if (showIds.length > 0)
      statement(db, `UPDATE User SET role = 'host', updatedAt = ? WHERE id = ? AND role = 'listener'`).run(
        prismaDateTime(by.grantedAt),
        userId,
      )
    return ok(created)
  })
}

/** Takes `userId`'s grant on `showId`; false when they held none. Their role stays as it is. */
export function deleteGrant(db: SqliteDatabase, userId: string, showId: number): Promise<Result<boolean>> {
  return inWriteTransaction(db, () =>
    ok(statement(db, `DELETE FROM ShowHost WHERE userId = ? AND showId = ?`).run(userId, showId).changes > 0),
  )
}

/**
 * The host who makes a show (by hand or from a feed) hosts it; an admin, who hosts every show
 * already, gets no grant.
 */
export async function grantToCreator(
  db: SqliteDatabase,
  creator: { id: string; role: string },
  showId: number,
  now: Date,
): Promise<Result<number>> {
  if (creator.role !== 'host') return ok(0)
  return insertGrants(db, creator.id, [showId], { grantedBy: creator.id, grantedAt: now })
}

/** Every show's id, for a grant on every show (`npm run user -- grant <email> --every-show`). */
export async function everyShowId(db: PrismaClient): Promise<number[]> {
  const shows = await db.show.findMany({ select: { id: true }, orderBy: { id: 'asc' } })
  return shows.map((show) => show.id)
}
