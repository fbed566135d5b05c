// JSON.parse keeps no positions; this finds the lines where a top-level array's objects start,
// so errors and repairs about "segments[12]" can point at a line of the file.

function stringEnd(text: string, openQuote: number): number {
  let i = openQuote + 1
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
  return i
}

/** 1-based line of each object in the array under `key` of the top-level object (valid JSON only). */
export function arrayElementLines(text: string, key: string): number[] {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let inTarget = false
  let lastString: string | null = null
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') line++
    else if (char === '"') {
      const end = stringEnd(text, i)
      if (depth === 1) lastString = text.slice(i + 1, end)
      i = end
    } else if (char === '{' || char === '[') {
      depth++
      if (depth === 2) inTarget = char === '[' && lastString === key
      else if (depth === 3 && inTarget && char === '{') lines.push(line)
    } else if (char === '}' || char === ']') {
      depth--
    }
  }
  return lines
}

/** Line of a JSON.parse error, from the "at position N" V8 puts in its message; else the last line. */
export function jsonErrorLine(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message)?.[1]
  const end = position === undefined ? text.length : Number(position)
  let line = 1
  for (let i = 0; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
