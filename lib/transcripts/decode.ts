// Bytes to text, strictly: a transcript that is not UTF-8 is refused, not silently mangled.
import { TranscriptParseError } from './types'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes UTF-8 (a leading BOM is dropped). Throws TranscriptParseError for UTF-16, NUL bytes
 * (binary) and invalid UTF-8, naming the first bad line.
 */
export function decodeTranscriptBytes(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new TranscriptParseError('UTF-16 text is not supported; save the transcript as UTF-8', 1)
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) throw new TranscriptParseError('binary file: it contains NUL bytes', lineOfByte(bytes, nul))
  try {
    return utf8.decode(bytes)
  } catch {
    throw new TranscriptParseError(
      'not valid UTF-8 text (binary file or another encoding?)',
      firstInvalidLine(bytes),
    )
  }
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  // LF, CRLF and a lone CR each end a line (a CR-only file has no LF at all).
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++
  return line
}

function firstInvalidLine(bytes: Uint8Array): number | null {
  let start = 0
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline === -1 ? bytes.length : newline
    try {
      utf8.decode(bytes.subarray(start, end))
    } catch {
      return line
    }
    start = end + 1
  }
  return null
}
