// The Range header of a GET for one file (RFC 9110 §14): which bytes to send. One range is
// served as 206; several ranges are answered with the whole file (200), which the RFC allows and
// media players never need otherwise. A header that is not a byte range is ignored (200).

export type RangeRequest =
  { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' }

const BYTE_RANGE = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i

/** What `Range: …` asks of a file of `size` bytes; inclusive `end`. */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: 'whole' }
  if (header.includes(',')) return { kind: 'whole' }
  const match = BYTE_RANGE.exec(header.trim())
  if (!match) return { kind: 'whole' }
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return { kind: 'whole' }
  if (first === '') {
    // bytes=-N: the last N bytes.
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  if (!Number.isSafeInteger(start) || start >= size) return { kind: 'unsatisfiable' }
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (last !== '' && Number(last) < start) return { kind: 'whole' }
  return { kind: 'partial', start, end }
}
