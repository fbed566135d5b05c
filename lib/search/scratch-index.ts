// A small per-connection TEMP FTS5 index with the sentence index's tokenizer, for marking a
// handful of texts with the same MATCH expression as the big index: the snippets of one page of
// hits (search-sql.ts) and the candidate windows of passages (passages.ts). Texts go in, the
// expression marks them, and the table is emptied again, all in one transaction.
import type { Statement } from 'better-sqlite3'
import type { SqliteDatabase } from '@/lib/db/sqlite'

interface ScratchStatements {
  fill: Statement<[number, string]>
  mark: Statement<[string]>
  clear: Statement<[]>
}

// Per connection, per table: created and prepared once.
const prepared = new WeakMap<SqliteDatabase, Map<string, ScratchStatements>>()

function statementsFor(
  db: SqliteDatabase,
  table: string,
  markColumns: string,
  orderBy: string,
): ScratchStatements {
  const byTable = prepared.get(db) ?? new Map<string, ScratchStatements>()
  prepared.set(db, byTable)
  let statements = byTable.get(table)
  if (!statements) {
    db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table} USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')`,
    )
    statements = {
      fill: db.prepare(`INSERT INTO temp.${table} (rowid, text) VALUES (?, ?)`),
      mark: db.prepare(
        `SELECT rowid AS id, ${markColumns} FROM temp.${table} WHERE ${table} MATCH ? ${orderBy}`,
      ),
      clear: db.prepare(`DELETE FROM temp.${table}`),
    }
    byTable.set(table, statements)
  }
  return statements
}

/**
 * Marks `texts` (rowid → text) with `match` in the scratch table `table`; `markColumns` selects
 * what comes back beside `id` (a snippet() or highlight() call), `orderBy` how (or '').
 * Table names and columns are constants of this codebase, never user input.
 */
export function markInScratchIndex<Row extends { id: number }>(
  db: SqliteDatabase,
  table: 'PageSnippets' | 'PassageCheck',
  markColumns: string,
  texts: Iterable<[number, string]>,
  match: string,
  orderBy = '',
): Row[] {
  const { fill, mark, clear } = statementsFor(db, table, markColumns, orderBy)
  return db.transaction(() => {
    for (const [id, text] of texts) fill.run(id, text)
    const marked = mark.all(match) as Row[]
    clear.run()
    return marked
  })()
}
