// Show notes from a feed are untrusted HTML. They are kept three ways: as sent (untrusted,
// never rendered), sanitized with sanitize-html to a small allowlist (paragraphs, lists,
// emphasis, links with http/https/mailto only, rel="nofollow noopener noreferrer ugc"; no
// images, scripts, styles or event handlers), and as plain text (for search, previews and
// Open Graph) rendered from htmlparser2's DOM.
import { parseDocument, type parseDOM } from 'htmlparser2'
import sanitizeHtml from 'sanitize-html'
import type { Description } from './feed-schema'

type ChildNode = ReturnType<typeof parseDOM>[number]

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    // Our values replace any rel/target the feed set.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc', target: '_blank' }),
  },
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'tr',
  'dl',
  'dt',
  'dd',
  'figure',
])
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'table'])
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title'])

/** A feed description (HTML, or plain text with line breaks) in its three forms. */
export function readDescription(raw: string | null | undefined): Description {
  const untrustedHtml = raw?.trim() ?? ''
  const text = htmlToText(untrustedHtml)
  const html = containsElements(untrustedHtml) ? sanitizeDescriptionHtml(untrustedHtml) : textToHtml(text)
  return { untrustedHtml, html, text }
}

/** Sanitizes untrusted HTML to the allowlist above. */
export function sanitizeDescriptionHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS).trim()
}

/** Renders HTML as plain text: entities decoded, scripts and styles dropped, blocks on their own lines. */
export function htmlToText(html: string): string {
  const parts: string[] = []
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data.replace(/\s+/g, ' '))
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (HIDDEN.has(node.name)) continue
        if (node.name === 'br') {
          parts.push('\n')
          continue
        }
        const block = BLOCK.has(node.name)
        const gap = PARAGRAPH.has(node.name) ? '\n\n' : '\n'
        if (block) parts.push(gap)
        walk(node.children)
        if (block) parts.push(gap)
      }
    }
  }
  walk(parseDocument(html, { decodeEntities: true }).children)
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function containsElements(html: string): boolean {
  const isElement = (node: ChildNode): boolean =>
    node.type === 'tag' || node.type === 'script' || node.type === 'style'
  return parseDocument(html).children.some(isElement)
}

/** Plain-text show notes to HTML: blank lines separate paragraphs, a single break stays a break. */
function textToHtml(text: string): string {
  if (text === '') return ''
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br />')}</p>`)
    .join('')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
