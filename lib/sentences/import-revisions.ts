// Who a re-import's revisions are by, and where its host conflicts are kept. Revision.authorId
// is required (and a foreign key to User), so a re-import writes as one system user,
// `hearsay-import`, created the first time a re-import needs it: no password, no account, so
// nobody can sign in as it. The source (file name or transcript URL) is in each revision's reason.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { ReimportConflict } from '@/lib/sentences/reimport-conflict'
import { statement } from '@/lib/db/statements'

export const IMPORT_AUTHOR_ID = 'hearsay-import'
export const IMPORT_AUTHOR_NAME = 'Import'

export function ensureImportAuthor(db: SqliteDatabase, now: string): string {
  statement(
    db,
    `INSERT OR IGNORE INTO User (id, name, email, emailVerified, role, createdAt, updatedAt)
     VALUES (?, ?, 'import@hearsay.invalid', 0, 'listener', ?, ?)`,
  ).run(IMPORT_AUTHOR_ID, IMPORT_AUTHOR_NAME, now, now)
  return IMPORT_AUTHOR_ID
}

/**
 * Keeps a conflict for a host page; the same open conflict (same sentence, same new text) is kept
 * once, and one the host already answered "keep mine" to is not asked again.
 */
export function recordImportConflict(
  db: SqliteDatabase,
  episodeId: number,
  conflict: ReimportConflict,
  source: string,
  now: string,
): void {
  const open = statement(
    db,
    `SELECT 1 FROM ImportConflict WHERE sentenceId = ? AND (resolvedAt IS NULL OR resolution = 'kept')
       AND newText = ? AND newSpeaker IS ?`,
  ).get(conflict.sentenceId, conflict.newText, conflict.newSpeaker)
  if (open) return
  statement(
    db,
    `INSERT INTO ImportConflict (episodeId, sentenceId, source, fields, oldText, hostText, newText, oldSpeaker,
       hostSpeaker, newSpeaker, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    episodeId,
    conflict.sentenceId,
    source,
    conflict.fields.join(','),
    conflict.oldText,
    conflict.hostText,
    conflict.newText,
    conflict.oldSpeaker,
    conflict.hostSpeaker,
    conflict.newSpeaker,
    now,
  )
}
