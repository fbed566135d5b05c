// From fetched bytes to checked XML text, before feedsmith reads it: the bytes decoded by the
// encoding the document declares, the text checked to be well-formed XML (fast-xml-parser's
// validator, which names the line and column; feedsmith itself forgives broken XML) and to be
// RSS. Also the raw <itunes:duration> texts, which feedsmith reduces to whole seconds.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { FeedParseError } from './feed-schema'

const PREVIEW_CHARS = 40

/**
 * Decodes feed bytes: a byte order mark wins, then the charset of the Content-Type header,
 * then the XML declaration's encoding, then UTF-8.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  const label = bomEncoding(bytes) ?? charsetOf(contentType) ?? declaredEncoding(bytes) ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label)
  } catch {
    throw new FeedParseError(`unknown character encoding "${label}"`)
  }
  return decoder.decode(bytes)
}

/** Throws FeedParseError unless `text` is a well-formed XML document whose root is <rss>. */
export function checkRssDocument(text: string): void {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed === '') throw new FeedParseError('not XML: the document is empty')
  if (!trimmed.startsWith('<')) {
    throw new FeedParseError(`not XML: the document starts with "${preview(trimmed)}"`)
  }
  const verdict = XMLValidator.validate(text)
  if (verdict !== true) {
    const { msg, line, col } = verdict.err
    throw new FeedParseError(`malformed XML at line ${line}, column ${col}: ${msg}`)
  }
  const root = rootElement(text)
  if (root?.toLowerCase() === 'rss') return
  if (root === 'feed')
    throw new FeedParseError('not an RSS feed: this is an Atom feed (<feed>); podcast feeds are RSS')
  if (root == null) throw new FeedParseError('not an RSS feed: the document has no root element')
  throw new FeedParseError(`not an RSS feed: the root element is <${root}>, not <rss>`)
}

/**
 * The text of each <item>'s <itunes:duration>, in document order (null where an item has none).
 * Entities are left alone: a duration has none.
 */
export function rawItemDurations(text: string): Array<string | null> {
  const parser = new XMLParser({
    ignoreAttributes: true,
    processEntities: false,
    parseTagValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    transformTagName: (name) => name.toLowerCase(),
    isArray: (name) => name === 'item' || name === 'itunes:duration',
  })
  const document = parser.parse(text) as Record<string, unknown>
  const channel = asRecord(asRecord(document.rss)?.channel)
  const items = Array.isArray(channel?.item) ? (channel.item as unknown[]) : []
  return items.map((item) => {
    const durations = asRecord(item)?.['itunes:duration']
    const first: unknown = Array.isArray(durations) ? durations[0] : undefined
    if (typeof first === 'string' || typeof first === 'number') return String(first)
    const textNode = asRecord(first)?.['#text']
    return typeof textNode === 'string' ? textNode : null
  })
}

function rootElement(text: string): string | null {
  const parser = new XMLParser({
    ignoreAttributes: true,
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // Only the top level matters; everything below stays unparsed text.
    stopNodes: ['*.*'],
  })
  const document = parser.parse(text) as Record<string, unknown>
  return (
    Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('!') && key !== '#text') ??
    null
  )
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value != null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

function charsetOf(contentType: string | null | undefined): string | null {
  const parameter = contentType
    ?.split(';')
    .slice(1)
    .map((part) => part.trim().split('='))
    .find(([name]) => name?.toLowerCase() === 'charset')
  return parameter?.[1]?.replace(/^"|"$/g, '').trim() || null
}

/** The encoding="…" of an XML declaration, read by the XML parser from ASCII-compatible bytes. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const end = head.indexOf('?>')
  if (!head.startsWith('<?xml') || end === -1) return null
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' })
  const declaration = asRecord((parser.parse(head.slice(0, end + 2)) as Record<string, unknown>)['?xml'])
  const encoding = declaration?.encoding
  return typeof encoding === 'string' && encoding.trim() !== '' ? encoding.trim() : null
}

function preview(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? ''
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line
}
