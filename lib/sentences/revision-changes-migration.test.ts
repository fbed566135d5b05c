// The data step of migration 20261204100000_revision_changes over revisions written before
// changes existed: each its own change, except the revisions one use case wrote together (a
// find/replace, a rename, both halves of a split), which become one change with the first
// revision's id; an old revert points at the change of the revision it undid.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'

const MIGRATION = readFileSync(
  new URL('../../prisma/migrations/20261204100000_revision_changes/migration.sql', import.meta.url),
  'utf8',
)
// Everything after the schema statements: the grouping of existing rows.
const DATA_STEP = MIGRATION.slice(MIGRATION.indexOf('-- Existing revisions:'))

const T1 = '2026-11-01T10:00:00.000Z'
const T2 = '2026-11-01T11:00:00.000Z'

describe('migration 20261204100000_revision_changes', () => {
  it('groups the revisions one use case wrote and gives every other revision a change of its own', () => {
    const db = freshDatabase()
    db.exec(`
      INSERT INTO User (id, name, email, updatedAt) VALUES ('host', 'Host', 'h@x.test', '${T1}');
      INSERT INTO Show (id, slug, title) VALUES (1, 'show', 'Show');
      INSERT INTO Episode (id, showId, slug, title) VALUES (1, 1, 'ep', 'Ep');
    `)
    const insert = db.prepare(
      `INSERT INTO Revision (id, episodeId, sentenceId, authorId, kind, reason, revertOfId, beforeText, afterText,
         beforeStartMs, afterStartMs, version, createdAt) VALUES (?, 1, NULL, 'host', ?, ?, ?, 'a', 'b', 0, 0, 2, ?)`,
    )
    const rows: [number, string, string, number | null, string][] = [
      [1, 'replace', 'Replaced “a” with “b”', null, T1],
      [2, 'replace', 'Replaced “a” with “b”', null, T1],
      [3, 'replace', 'Replaced “a” with “b”', null, T1],
      [4, 'edit', '', null, T1],
      [5, 'edit', '', null, T1],
      [6, 'split', '', null, T2],
      [7, 'split', 'Split from sentence 9', null, T2],
      [8, 'edit', 'Renamed speaker “A” to “B”', null, T2],
      [9, 'edit', 'Renamed speaker “A” to “B”', null, T2],
      [10, 'revert', 'Revert revision 2', 2, T2],
    ]
    for (const row of rows) insert.run(...row)
    db.exec(DATA_STEP)

    const changeOf = db.prepare(`SELECT id, changeId FROM Revision ORDER BY id`).all()
    expect(changeOf.map((row) => (row as { changeId: number }).changeId)).toEqual([
      1, 1, 1, 4, 5, 6, 6, 8, 8, 10,
    ])
    expect(
      db.prepare(`SELECT id, kind, revertOfId, createdAt FROM RevisionChange ORDER BY id`).all(),
    ).toEqual([
      { id: 1, kind: 'replace', revertOfId: null, createdAt: T1 },
      { id: 4, kind: 'edit', revertOfId: null, createdAt: T1 },
      { id: 5, kind: 'edit', revertOfId: null, createdAt: T1 },
      { id: 6, kind: 'split', revertOfId: null, createdAt: T2 },
      { id: 8, kind: 'rename', revertOfId: null, createdAt: T2 },
      { id: 10, kind: 'revert', revertOfId: 1, createdAt: T2 },
    ])
    // New changes continue after the migrated ids.
    const next = db
      .prepare(`INSERT INTO RevisionChange (episodeId, authorId, kind) VALUES (1, 'host', 'edit')`)
      .run().lastInsertRowid
    expect(Number(next)).toBe(11)
  })
})
