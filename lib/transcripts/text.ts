// Small text helpers shared by the parsers.

/** Splits on LF, CRLF or a lone CR (WebVTT and real-world SRT use all three). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Folds runs of ASCII whitespace (inner line breaks included) to one space and trims.
 * A no-break space (U+00A0) inside the text is kept: it is a character the author chose.
 */
export function foldWhitespace(text: string): string {
  // Most cue text is already folded; testing is much cheaper than rebuilding the string.
  if (!/[\t\n\f\r]| {2}/.test(text)) return text.trim()
  return text.replace(/[ \t\n\f\r]+/g, ' ').trim()
}
