// The block structure of a WebVTT file: "collect a WebVTT block" from the spec's parser
// (https://w3c.github.io/webvtt/#collect-a-webvtt-block), over lines instead of code points.

export interface VttBlock {
  /** 1-based line of the block's first line. */
  line: number
  /** The line holding "-->" when the block is a cue (first or second line), else null. */
  timing: { line: number; text: string } | null
  /** Cue identifier: the line before the timing line, if any. */
  id: string | null
  /** Cue text lines, or every line of a block that is not a cue (NOTE, STYLE, REGION, stray text). */
  lines: string[]
}

/**
 * Splits the lines after the signature line into blocks. The header (lines right after the
 * signature, up to a blank line) is skipped. A line containing "-->" is a timing line only as a
 * block's first or second line; anywhere later it starts a new block, which is why a cue
 * identifier can never contain "-->".
 */
export function collectVttBlocks(lines: string[]): VttBlock[] {
  let index = 1
  if (index < lines.length && lines[index] !== '') index = collectBlock(lines, index, true).next
  const blocks: VttBlock[] = []
  for (;;) {
    while (index < lines.length && lines[index] === '') index++
    if (index >= lines.length) return blocks
    const { block, next } = collectBlock(lines, index, false)
    blocks.push(block)
    index = next
  }
}

function collectBlock(lines: string[], start: number, inHeader: boolean): { block: VttBlock; next: number } {
  const block: VttBlock = { line: start + 1, timing: null, id: null, lines: [] }
  let index = start
  let resumeAt = start
  let lineCount = 0
  while (index < lines.length) {
    const line = lines[index] ?? ''
    index++
    lineCount++
    if (line.includes('-->')) {
      if (inHeader || !(lineCount === 1 || (lineCount === 2 && block.timing == null)))
        return { block, next: resumeAt }
      block.id = block.lines[0] ?? null
      block.timing = { line: index, text: line }
      block.lines = []
      resumeAt = index
    } else if (line === '') {
      break
    } else {
      block.lines.push(line)
      resumeAt = index
    }
  }
  return { block, next: index }
}
