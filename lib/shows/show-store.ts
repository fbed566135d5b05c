// The shows hosts make by hand (the studio, POST /api/shows). Written on the raw connection in
// one BEGIN IMMEDIATE transaction (lib/db/write-transaction.ts), so the slug check and the
// insert cannot race another process, and a write waits for an import instead of failing (or answers busy, 503).
// Nothing here authorizes; lib/shows/operations.ts does.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { invalid, ok, type Result } from '@/lib/result'
import { statement } from '@/lib/db/statements'
import { inWriteTransaction } from '@/lib/db/write-transaction'

export interface NewShow {
  slug: string
  title: string
  description: string
}

export const SLUG_TAKEN_BY_SHOW = 'A show with this slug already exists; choose another.'

/** Inserts a show; a taken slug is refused with a field error (nothing written). */
export async function insertShowRow(
  db: SqliteDatabase,
  show: NewShow,
  now: Date,
): Promise<Result<{ id: number }>> {
  return inWriteTransaction(db, () => {
    if (statement(db, `SELECT 1 FROM Show WHERE slug = ?`).get(show.slug)) {
      return invalid(`slug: ${SLUG_TAKEN_BY_SHOW}`, { slug: [SLUG_TAKEN_BY_SHOW] })
    }
    const inserted = statement(
      db,
      `INSERT INTO Show (slug, title, description, createdAt) VALUES (@slug, @title, @description, @createdAt)`,
    ).run({ ...show, createdAt: now.toISOString() })
    return ok({ id: Number(inserted.lastInsertRowid) })
  })
}
