// Splitting comment text into plain text and links, for rendering as React text nodes and
// <a> elements: never as HTML. Only http(s) URLs become links, so `javascript:` and `data:`
// stay inert text. Pure, and shared by server and client.

export type CommentPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string }

export const LINK_REL = 'nofollow ugc noopener'

// A URL runs until whitespace or an angle bracket/quote; trailing punctuation is usually prose.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/

export function autolink(text: string): CommentPart[] {
  const parts: CommentPart[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '')
    const href = safeHttpUrl(candidate)
    if (!href) continue
    const start = match.index
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) })
    parts.push({ kind: 'link', text: candidate, href })
    last = start + candidate.length
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) })
  return parts
}

/** The normalized URL when it parses and its scheme is http or https; otherwise null. */
function safeHttpUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
