// Uploading or replacing an episode's transcript file (issue 10 item 5): the studio's upload form
// and PUT /api/episodes/:slug/transcript. The same importer as `npm run import -- --replace`
// (lib/import/import-transcript.ts): the same parsers and validation, the same alignment that
// keeps sentence ids, comments and host corrections, all in one transaction: a file that fails
// changes nothing. The size cap is checked on the declared size before anything is read, and
// again while reading when the size was not declared.
import 'server-only'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import { DEFAULT_TRANSCRIPT_MAX_BYTES } from '@/lib/feeds/safe-fetch'
import type { ReimportConflict } from '@/lib/feeds/report'
import { ImportError, importTranscript, type ImportSummary } from '@/lib/import/import-transcript'
import { baseName } from '@/lib/import/names'
import { formatBytes } from '@/lib/media/episode-audio'
import type { OperationContext } from '@/lib/operations/context'
import { episodeOnShow } from '@/lib/operations/show-of'
import { invalid, ok, unprocessable, type Result } from '@/lib/result'
import { TranscriptParseError } from '@/lib/transcripts/types'

/** The largest transcript file accepted: the same cap as a transcript fetched from a feed. */
export const TRANSCRIPT_UPLOAD_MAX_BYTES = DEFAULT_TRANSCRIPT_MAX_BYTES

export interface TranscriptFile {
  name: unknown
  /** The Content-Type a client sent the bare file with (the JSON API); forms leave it out (browsers guess). */
  type?: string
  /** The declared size (File.size, Content-Length); null when the client did not say. */
  size: number | null
  /** The file's bytes, read up to `maxBytes`; null when there are more. */
  read(maxBytes: number): Promise<Uint8Array | null>
}

/** What PUT /api/episodes/:slug/transcript takes; the importer detects the format from the content. */
export const TRANSCRIPT_CONTENT_TYPES = [
  'text/vtt',
  'application/x-subrip',
  'application/srt',
  'text/srt',
  'application/json',
  'text/html',
  'text/plain',
]

/** What the import did, for the page and the API: the CLI's summary, plus kept host corrections. */
export type TranscriptReport = Omit<ImportSummary, 'showSlug'> & {
  fileName: string
  /** Sentences a host had corrected that the new file would change: the host's version was kept. */
  conflicts: ReimportConflict[]
}

function refuse(message: string): Result<never> {
  return invalid(message, { transcript: [message] })
}

const tooLarge = (maxBytes: number) =>
  refuse(`The transcript file is larger than the limit of ${formatBytes(maxBytes)}.`)

/** Imports `file` as the episode's transcript, replacing (re-aligning) the one it has. */
export async function uploadTranscript(
  ctx: OperationContext,
  input: { slug: unknown; file: TranscriptFile },
  options: { maxBytes?: number } = {},
): Promise<Result<TranscriptReport>> {
  const start = await episodeOnShow(ctx, input.slug, 'edit-transcripts')
  if (!start.ok) return start
  const { episode } = start.value
  const { file } = input
  const maxBytes = options.maxBytes ?? TRANSCRIPT_UPLOAD_MAX_BYTES
  const fileName = typeof file.name === 'string' ? baseName(file.name).slice(0, 255) : ''
  if (!fileName) return refuse('Choose a transcript file (VTT, SRT, podcast JSON, HTML or text).')
  if (file.type !== undefined && !TRANSCRIPT_CONTENT_TYPES.includes(file.type))
    return refuse(
      `Send the transcript with its Content-Type, one of: ${TRANSCRIPT_CONTENT_TYPES.join(', ')}.`,
    )
  if (file.size !== null && file.size > maxBytes) return tooLarge(maxBytes)
  if (file.size === 0) return refuse('The transcript file is empty.')
  const content = await file.read(maxBytes)
  if (!content) return tooLarge(maxBytes)
  const show = await ctx.db.show.findUniqueOrThrow({
    where: { id: episode.showId },
    select: { slug: true },
  })
  // Inside the web worker the import waits for the write lock in slices (inWriteTransaction:
  // never blocking the event loop for long, 503 busy past its budget); the importer's own
  // transaction becomes a savepoint in it.
  return inWriteTransaction(ctx.sqlite, () => {
    try {
      const summary = importTranscript(
        ctx.sqlite,
        { name: fileName, content },
        {
          episodeSlug: episode.slug,
          showSlug: show.slug,
          replace: true,
          now: () => ctx.now ?? new Date(),
        },
      )
      const { showSlug: _showSlug, ...report } = summary
      return ok({ ...report, fileName, conflicts: summary.reimport?.conflicts ?? [] })
    } catch (error) {
      if (error instanceof TranscriptParseError || error instanceof ImportError)
        return unprocessable(`${fileName}: ${error.message}`)
      throw error
    }
  })
}

/** Reads a request body (or any byte stream) up to `maxBytes`; null as soon as it holds more. */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.length
      if (size > maxBytes) {
        await reader.cancel()
        return null
      }
      chunks.push(value)
    }
  } finally {
    reader.releaseLock()
  }
  return Buffer.concat(chunks)
}
