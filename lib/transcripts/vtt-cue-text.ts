// WebVTT cue text to plain text per voice: the spec's cue text tokenizer and tree building
// (https://w3c.github.io/webvtt/#cue-text-parsing-rules), keeping only what a transcript needs.
import { decodeAnnotationReferences, decodeCharacterReferences } from './character-references'
import type { VoiceRun } from './speakers'
import { foldWhitespace } from './text'

// Start tags the spec builds nodes for; any other start tag is ignored (its text is kept).
const CONTAINERS = new Set(['c', 'i', 'b', 'u', 'ruby', 'v', 'lang'])

interface OpenTag {
  name: string
  voice: string | null
}

interface Reader {
  runs: VoiceRun[]
  open: OpenTag[]
  /** Voice of the text being collected: innermost <v>, or the cue's last voice once it closes. */
  voice: string | null
  text: string
}

/**
 * Splits cue text into runs of plain text per `<v>` voice. Tags are stripped, character references
 * decoded and whitespace folded. Ruby text (`<rt>`) is dropped: it is a reading aid for the base
 * text, not more words. Text after a `</v>` stays with that voice (the speaker did not change);
 * text before any `<v>` has voice null.
 */
export function parseCueText(raw: string): VoiceRun[] {
  const reader: Reader = { runs: [], open: [], voice: null, text: '' }
  let pos = 0
  while (pos < raw.length) {
    const tagStart = raw.indexOf('<', pos)
    const textEnd = tagStart === -1 ? raw.length : tagStart
    if (textEnd > pos && !reader.open.some((tag) => tag.name === 'rt')) {
      reader.text += decodeCharacterReferences(raw.slice(pos, textEnd))
    }
    if (tagStart === -1) break
    const close = raw.indexOf('>', tagStart + 1)
    const tagEnd = close === -1 ? raw.length : close
    readTag(reader, raw.slice(tagStart + 1, tagEnd))
    pos = tagEnd + 1
  }
  flush(reader)
  return reader.runs
}

function readTag(reader: Reader, tag: string): void {
  if (tag.startsWith('/')) return closeTag(reader, tag.slice(1))
  if (/^[0-9]/.test(tag)) return // a timestamp tag (karaoke timing): no text
  const nameEnd = tag.search(/[ \t\n\f\r.]/)
  const name = nameEnd === -1 ? tag : tag.slice(0, nameEnd)
  const current = reader.open.at(-1)
  if (name === 'rt' && current?.name === 'ruby') reader.open.push({ name, voice: null })
  if (!CONTAINERS.has(name)) return
  const annotationStart = tag.search(/[ \t\n\f\r]/)
  const annotation = annotationStart === -1 ? '' : foldWhitespace(tag.slice(annotationStart))
  const voice = name === 'v' && annotation !== '' ? decodeAnnotationReferences(annotation) : null
  reader.open.push({ name, voice })
  if (voice != null) switchVoice(reader, voice)
}

function closeTag(reader: Reader, name: string): void {
  const current = reader.open.at(-1)
  if (current?.name === name) reader.open.pop()
  else if (name === 'ruby' && current?.name === 'rt') reader.open.splice(-2, 2)
  const inner = [...reader.open].reverse().find((tag) => tag.voice != null)
  if (inner?.voice != null) switchVoice(reader, inner.voice)
}

function switchVoice(reader: Reader, voice: string): void {
  if (voice === reader.voice) return
  flush(reader)
  reader.voice = voice
}

function flush(reader: Reader): void {
  const text = foldWhitespace(reader.text)
  reader.text = ''
  if (text !== '') reader.runs.push({ voice: reader.voice, text })
}
