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
  /**
   * The block began without a blank line before it: a timing line came right after the block
   * before ("run-on"); `'id'` when the number line before it was taken as its identifier.
   */
  runOn: 'id' | 'timing' | null
}

// A cue identifier as tools number them ("1", "2", …).
const NUMBER_LINE = /^\s*\d+\s*$/

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
  let runOn: VttBlock['runOn'] = null
  for (;;) {
    while (index < lines.length && lines[index] === '') index++
    if (index >= lines.length) return blocks
    const { block, next, rewound } = collectBlock(lines, index, false)
    block.runOn = runOn
    blocks.push(block)
    // The spec starts a new block at a timing line found after a block's second line, leaving
    // the line before it as text of the block before. When that line is a bare number it is the
    // next cue's identifier (as a blank line would have made it), not words anyone said.
    // Only after text: a whitespace-only line looked blank to its author, and a timing line
    // right after a bad one (an id with "-->") is that cue's own.
    const lastLine = block.lines.at(-1)
    runOn = rewound && lastLine != null && lastLine.trim() !== '' ? 'timing' : null
    if (runOn && block.timing && NUMBER_LINE.test(lastLine ?? '')) {
      block.lines.pop()
      index = next - 1
      runOn = 'id'
    } else {
      index = next
    }
  }
}

/** `rewound`: the block ended at a timing line of the next block, not at a blank line. */
function collectBlock(
  lines: string[],
  start: number,
  inHeader: boolean,
): { block: VttBlock; next: number; rewound: boolean } {
  const block: VttBlock = { line: start + 1, timing: null, id: null, lines: [], runOn: null }
  let index = start
  let resumeAt = start
  let lineCount = 0
  while (index < lines.length) {
    const line = lines[index] ?? ''
    index++
    lineCount++
    if (line.includes('-->')) {
      if (inHeader || !(lineCount === 1 || (lineCount === 2 && block.timing == null)))
        return { block, next: resumeAt, rewound: true }
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
  return { block, next: index, rewound: false }
}
