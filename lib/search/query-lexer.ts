// Lexer for the search-box grammar (the grammar itself is documented in ./query.ts), plus the
// one fact about SQLite's unicode61 tokenizer the compiler needs: does a string hold any token
// character at all.

export type FilterKey = 'speaker' | 'show' | 'after' | 'before'

export type Lexeme =
  | { kind: 'or' }
  | {
      kind: 'term'
      text: string
      prefix: boolean
      negated: boolean
      /** Typed in quotes: a phrase, never corrected for typos. */
      quoted: boolean
      /** Where the word (without its dash or star) sits in the input, to rewrite a corrected query. */
      start: number
      end: number
    }
  | { kind: 'filter'; key: FilterKey; value: string; negated: boolean }

const FILTER_PREFIX = /^(speaker|show|after|before):/i

// unicode61 splits text into runs of characters from the categories L*, N* and Co. SQLite's
// category tables are older than the JavaScript engine's: the New Tai Lue vowel signs and two
// Vedic signs are letters (Lo) to JavaScript but spacing marks to SQLite, hence separators.
// Saying "token" where SQLite says "separator" would emit a phrase SQLite reads as empty, so
// those are excluded. The converse (a character SQLite indexes but we call a separator, such
// as a code point unassigned in its tables) merely drops a term nobody can type sensibly.
// query.test.ts checks this predicate against SQLite for every code point.
const TOKEN_CHAR = /(?![\u19B0-\u19C0\u19C8\u19C9\u1CF2\u1CF3])[\p{L}\p{N}\p{Co}]/u

/** True when SQLite's unicode61 tokenizer finds at least one token in `text`. */
export function hasTokenChars(text: string): boolean {
  return TOKEN_CHAR.test(text)
}

// Control characters: a NUL ends FTS5's C-string parse mid-phrase ("unterminated string"), and
// the others are separators anyway. Lone surrogates would become U+FFFD on the way to SQLite;
// turning them into spaces keeps the strings we display and emit well formed.
function cleanInput(input: string): string {
  return input.replace(/[\p{Cc}\p{Cs}]/gu, ' ')
}

function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch)
}

// A bare word runs to the next whitespace or quote, so `speaker:"Full Name"` and `foo"bar"`
// split at the quote.
function bareWordEnd(src: string, start: number): number {
  let end = start
  while (end < src.length && src.charAt(end) !== '"' && !isSpace(src.charAt(end))) end++
  return end
}

/** Reads a quoted string starting at the `"` at `start`; an unterminated one runs to the end. */
function readQuoted(src: string, start: number): { text: string; end: number } {
  const close = src.indexOf('"', start + 1)
  const stop = close === -1 ? src.length : close
  return { text: collapseSpaces(src.slice(start + 1, stop)), end: close === -1 ? src.length : close + 1 }
}

/** Splits the raw input into words, phrases, filters and OR operators. Never throws. */
export function lexQuery(input: string): Lexeme[] {
  const src = cleanInput(input)
  const out: Lexeme[] = []
  let i = 0
  while (i < src.length) {
    if (isSpace(src.charAt(i))) {
      i++
      continue
    }
    // A dash negates only when something follows it: a lone "-" is just punctuation.
    const negated = src.charAt(i) === '-' && i + 1 < src.length && !isSpace(src.charAt(i + 1))
    if (negated) i++
    if (src.charAt(i) === '"') {
      const start = i
      const quoted = readQuoted(src, i)
      i = quoted.end
      // `"lite str"*` is a prefix phrase, as in FTS5; a `*` inside the quotes is plain text.
      const prefix = src.charAt(i) === '*'
      while (src.charAt(i) === '*') i++
      out.push({ kind: 'term', text: quoted.text, prefix, negated, quoted: true, start, end: quoted.end })
      continue
    }
    const end = bareWordEnd(src, i)
    const word = src.slice(i, end)
    i = Math.max(end, i + 1) // always advance, whatever the character
    const filter = FILTER_PREFIX.exec(word)
    if (filter?.[1] !== undefined) {
      let value = word.slice(filter[0].length)
      if (value === '' && src.charAt(i) === '"') {
        const quoted = readQuoted(src, i)
        value = quoted.text
        i = quoted.end
      }
      out.push({ kind: 'filter', key: filter[1].toLowerCase() as FilterKey, value, negated })
    } else if (word === 'OR' && !negated) {
      out.push({ kind: 'or' })
    } else {
      const stem = word.replace(/\*+$/, '')
      out.push({
        kind: 'term',
        text: stem,
        prefix: stem !== word,
        negated,
        quoted: false,
        start: end - word.length,
        end: end - word.length + stem.length,
      })
    }
  }
  return out
}
