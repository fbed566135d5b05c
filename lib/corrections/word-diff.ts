// A word-level diff of two sentence texts, for history and the suggestion queue. Longest
// common subsequence over words: sentences are short (a few dozen words), so O(n·m) is fine
// and the result is the minimal, readable one. Shared by server and client code.

export type DiffPart = { op: 'same' | 'add' | 'del'; text: string }

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before)
  const b = words(after)
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let row = a.length - 1; row >= 0; row--)
    for (let col = b.length - 1; col >= 0; col--)
      lcs[row]![col] =
        a[row] === b[col] ? lcs[row + 1]![col + 1]! + 1 : Math.max(lcs[row + 1]![col]!, lcs[row]![col + 1]!)
  const parts: DiffPart[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(parts, 'same', a[i++]!)
      j++
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Deletions before additions: "old → new" reads naturally.
      push(parts, 'del', a[i++]!)
    } else {
      push(parts, 'add', b[j++]!)
    }
  }
  return parts
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

// Neighbouring words with the same operation become one part, so "Brian Okin" → "Brian Okken"
// reads as one deletion and one addition.
function push(parts: DiffPart[], op: DiffPart['op'], word: string): void {
  const last = parts.at(-1)
  if (last && last.op === op) last.text += ` ${word}`
  else parts.push({ op, text: word })
}
