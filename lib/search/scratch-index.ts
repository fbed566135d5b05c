// A small per-connection TEMP FTS5 index with the sentence index's tokenizer, for marking a
// handful of texts with the same MATCH expression as the big index: the snippets of one page of
// hits (search-sql.ts) and the candidate windows of passages (passages.ts). Texts go in, the
// expression marks them, and the table is emptied again, all in one transaction.
//
// The index reads its text from a plain TEMP table (external content), so emptying it is FTS5's
// 'delete-all' plus a plain DELETE: a regular FTS5 table deletes row by row, tokenizing each
// text again to find its entries, which cost as much as filling it.
import { scratchConnection } from '@/lib/db/scratch-connection'
import type { SqliteDatabase, SqliteStatement } from '@/lib/db/sqlite'

interface ScratchStatements {
  fill: (id: number, text: string) => void
  mark: SqliteStatement
  clear: () => void
}

type ScratchTable = 'PageSnippets' | 'PassageCheck'

// Per connection, per table and marking query: created and prepared once.
const prepared = new WeakMap<SqliteDatabase, Map<string, ScratchStatements>>()

function statementsFor(
  db: SqliteDatabase,
  table: ScratchTable,
  markColumns: string,
  orderBy: string,
): ScratchStatements {
  const byQuery = prepared.get(db) ?? new Map<string, ScratchStatements>()
  prepared.set(db, byQuery)
  const key = `${table}\n${markColumns}\n${orderBy}`
  let statements = byQuery.get(key)
  if (!statements) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS temp.${table}Text (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
       CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table} USING fts5(text, content = '${table}Text',
         content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2')`,
    )
    const fillText = db.prepare(`INSERT INTO temp.${table}Text (id, text) VALUES (?, ?)`)
    const fillIndex = db.prepare(`INSERT INTO temp.${table} (rowid, text) VALUES (?, ?)`)
    const clearIndex = db.prepare(`INSERT INTO temp.${table} (${table}) VALUES ('delete-all')`)
    const clearText = db.prepare(`DELETE FROM temp.${table}Text`)
    statements = {
      fill: (id, text) => {
        fillText.run(id, text)
        fillIndex.run(id, text)
      },
      mark: db.prepare(
        `SELECT rowid AS id, ${markColumns} FROM temp.${table} WHERE ${table} MATCH ? ${orderBy}`,
      ),
      clear: () => {
        clearIndex.run()
        clearText.run()
      },
    }
    byQuery.set(key, statements)
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
  table: ScratchTable,
  markColumns: string,
  texts: Iterable<[number, string]>,
  match: string,
  orderBy = '',
): Row[] {
  const scratch = scratchConnection(db)
  const { fill, mark, clear } = statementsFor(scratch, table, markColumns, orderBy)
  return scratch.transaction(() => {
    try {
      for (const [id, text] of texts) fill(id, text)
      return mark.all(match) as Row[]
    } finally {
      clear()
    }
  })()
}

// Which words a sentence holds needs no positions and no text to show: a contentless index
// with detail = 'none' fills faster than the marking tables.
const wordTables = new WeakMap<SqliteDatabase, ScratchStatements>()

function wordStatementsFor(db: SqliteDatabase): ScratchStatements {
  let statements = wordTables.get(db)
  if (!statements) {
    db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.PassageWords USING fts5(text, content = '', detail = 'none',
         tokenize = 'porter unicode61 remove_diacritics 2')`,
    )
    const fillIndex = db.prepare(`INSERT INTO temp.PassageWords (rowid, text) VALUES (?, ?)`)
    const clearIndex = db.prepare(`INSERT INTO temp.PassageWords (PassageWords) VALUES ('delete-all')`)
    statements = {
      fill: (id, text) => {
        fillIndex.run(id, text)
      },
      mark: db.prepare(`SELECT rowid AS id FROM temp.PassageWords WHERE PassageWords MATCH ?`),
      clear: () => {
        clearIndex.run()
      },
    }
    wordTables.set(db, statements)
  }
  return statements
}

/**
 * Which of `texts` (rowid → text) each of `expressions` matches: one set of rowids per
 * expression, in the order given. The expressions name words, prefixes and alternatives only
 * (no phrases: the scratch index keeps no positions).
 */
export function sentencesWithWords(
  db: SqliteDatabase,
  texts: Iterable<[number, string]>,
  expressions: string[],
): Set<number>[] {
  const scratch = scratchConnection(db)
  const { fill, mark, clear } = wordStatementsFor(scratch)
  return scratch.transaction(() => {
    try {
      for (const [id, text] of texts) fill(id, text)
      return expressions.map(
        (expression) => new Set((mark.all(expression) as { id: number }[]).map((row) => row.id)),
      )
    } finally {
      clear()
    }
  })()
}
