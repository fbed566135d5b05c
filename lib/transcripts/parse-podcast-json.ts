// Podcasting 2.0 JSON transcripts (https://github.com/Podcastindex-org/podcast-namespace/blob/main/transcripts/transcripts.md):
// {"version":"1.0.0","segments":[{"speaker":"…","startTime":0.5,"endTime":1.2,"body":"…"}]}, times in seconds.
import { z } from 'zod'
import { arrayElementLines, jsonErrorLine } from './json-lines'
import { requireCues } from './require-cues'
import { resolveSpeakers, type TaggedCue } from './speakers'
import { foldWhitespace, stripBom } from './text'
import { TranscriptParseError, type ParsedTranscript, type Repair } from './types'

const SegmentSchema = z.object({
  speaker: z.string().nullish(),
  startTime: z.number().nonnegative(),
  endTime: z.number().nonnegative().nullish(),
  body: z.string(),
})

export const PodcastJsonTranscriptSchema = z.object({
  version: z.string().optional(),
  segments: z.array(SegmentSchema),
})

export type PodcastJsonTranscript = z.infer<typeof PodcastJsonTranscriptSchema>

/**
 * Parses a Podcasting 2.0 JSON transcript. Invalid or truncated JSON, and a document that does not
 * match the schema, throw TranscriptParseError naming the first problem (with its segment's line).
 * Segments with an empty body are left out; one that ends before it starts keeps its text, ending
 * where the next one starts (a Repair).
 */
export function parsePodcastJson(input: string): ParsedTranscript {
  const text = stripBom(input)
  const document = parseJson(text)
  const result = PodcastJsonTranscriptSchema.safeParse(document)
  const segmentLines = arrayElementLines(text, 'segments')
  if (!result.success) throw schemaError(result.error, segmentLines)
  const repairs: Repair[] = []
  const tagged: TaggedCue[] = []
  result.data.segments.forEach((segment, index) => {
    const line = segmentLines[index] ?? 1
    const startMs = Math.round(segment.startTime * 1000)
    const endMs = segment.endTime == null ? null : Math.round(segment.endTime * 1000)
    const body = foldWhitespace(segment.body)
    const backwards = endMs != null && endMs < startMs
    if (backwards) {
      repairs.push({
        line,
        message: `segments[${index}]: endTime ${segment.endTime} is before startTime ${segment.startTime}: kept, ending where the next segment starts`,
      })
    }
    if (body !== '') {
      const voice = segment.speaker?.trim() || null
      tagged.push({ id: null, startMs, endMs: backwards ? null : endMs, voice, text: body, line })
    }
  })
  return { format: 'podcast-json', cues: requireCues(resolveSpeakers(tagged), repairs), repairs }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new TranscriptParseError(`invalid JSON (${message})`, jsonErrorLine(text, message))
  }
}

function schemaError(error: z.ZodError, segmentLines: number[]): TranscriptParseError {
  const [first, ...others] = error.issues
  if (first == null) return new TranscriptParseError('not a Podcasting 2.0 JSON transcript')
  const path = first.path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
  const where = path === '' ? 'document' : path.replace(/^\./, '')
  const more = others.length > 0 ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : ''
  const segmentIndex =
    first.path[0] === 'segments' && typeof first.path[1] === 'number' ? first.path[1] : null
  const line = segmentIndex == null ? null : (segmentLines[segmentIndex] ?? null)
  return new TranscriptParseError(
    `not a Podcasting 2.0 JSON transcript: ${where}: ${first.message}${more}`,
    line,
  )
}
