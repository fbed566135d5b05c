// The Podcasting 2.0 HTML transcript (podcast-namespace docs/examples/transcripts/transcripts.md):
// a low-fidelity form, "<cite>Kevin:</cite> <time>0:00</time> <p>text</p>" repeated, where the
// speaker and the time are each "if available". Read with htmlparser2's DOM, never with regexes.
// A <cite> or <time> inside the <p> counts too. A paragraph without a time starts where the one
// before it did; one whose time goes backwards is kept at the previous time (a Repair).
import { DomUtils, parseDocument, type parseDOM } from 'htmlparser2'
import { parseClockTime } from './clock-time'
import { requireCues } from './require-cues'
import { resolveSpeakers, type TaggedCue } from './speakers'
import { foldWhitespace, stripBom } from './text'
import type { ParsedTranscript, Repair } from './types'

type Node = ReturnType<typeof parseDOM>[number]
type Element = ReturnType<typeof DomUtils.findAll>[number]

const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript'])

export function parseHtmlTranscript(input: string): ParsedTranscript {
  const text = stripBom(input)
  const lineAt = lineLocator(text)
  const repairs: Repair[] = []
  const tagged: TaggedCue[] = []
  let speaker: string | null = null
  let time: number | null = null
  let lastStart = 0
  let timed = false

  const readTime = (element: Element): number | null => {
    const written = DomUtils.textContent(element).trim()
    const ms = parseClockTime(written) ?? parseClockTime(element.attribs.datetime ?? '')
    if (ms == null)
      repairs.push({ line: lineAt(element), message: `<time>${written}</time> is not a time; ignored` })
    return ms
  }

  const paragraph = (element: Element) => {
    for (const inner of DomUtils.findAll(
      (node) => node.name === 'cite' || node.name === 'time',
      element.children,
    )) {
      if (inner.name === 'cite') speaker = speakerName(DomUtils.textContent(inner))
      else time = readTime(inner) ?? time
    }
    const body = foldWhitespace(textWithout(element, new Set(['cite', 'time'])))
    const line = lineAt(element)
    if (body !== '') {
      let startMs = time ?? lastStart
      if (time != null) timed = true
      if (startMs < lastStart) {
        repairs.push({
          line,
          message: `time ${formatMs(startMs)} is before the paragraph above; it starts at ${formatMs(lastStart)}`,
        })
        startMs = lastStart
      }
      tagged.push({ id: null, startMs, endMs: null, voice: speaker, text: body, line })
      lastStart = startMs
    }
    speaker = null
    time = null
  }

  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (!DomUtils.isTag(node) || SKIPPED.has(node.name)) continue
      if (node.name === 'p') paragraph(node)
      else if (node.name === 'cite') speaker = speakerName(DomUtils.textContent(node))
      else if (node.name === 'time') time = readTime(node) ?? time
      else walk(node.children)
    }
  }
  walk(parseDocument(text, { withStartIndices: true, decodeEntities: true }).children)

  if (tagged.length > 0 && !timed) {
    repairs.push({ line: 1, message: 'no <time> in the transcript: every paragraph starts at 0:00' })
  }
  if (tagged.length === 0) repairs.push({ line: 1, message: 'no <p> paragraphs with text found' })
  return { format: 'html', cues: requireCues(resolveSpeakers(tagged), repairs), repairs }
}

/** "Kevin:" → "Kevin", "Alban :" → "Alban"; empty → null. */
function speakerName(text: string): string | null {
  return foldWhitespace(text).replace(/\s*:$/, '') || null
}

function textWithout(element: Element, left: Set<string>): string {
  const parts: string[] = []
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (DomUtils.isText(node)) parts.push(node.data)
      else if (DomUtils.isTag(node) && !left.has(node.name) && !SKIPPED.has(node.name)) {
        if (node.name === 'br') parts.push(' ')
        else walk(node.children)
      }
    }
  }
  walk(element.children)
  return parts.join('')
}

function lineLocator(text: string): (node: Node) => number {
  const starts: number[] = [0]
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1)
  return (node) => {
    const index = node.startIndex ?? 0
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= index) low = middle
      else high = middle - 1
    }
    return low + 1
  }
}

function formatMs(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
