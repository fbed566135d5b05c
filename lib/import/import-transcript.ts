// Importing one transcript file into the database, atomically: the whole file or nothing.
import { readTranscript } from '@/lib/transcripts/parse'
import type { NormalizedTranscript } from '@/lib/transcripts/types'
import {
  deleteTranscript,
  findEpisode,
  findShowId,
  insertEpisode,
  insertShow,
  transcriptWriter,
  updateEpisodeSource,
  type EpisodeImportFields,
} from '@/lib/sentences/sentence-sql'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { baseName, slugFromFileName, titleFromSlug } from '@/lib/import/names'
import { realignTranscript } from '@/lib/import/realign-transcript'

export const DEFAULT_SHOW_SLUG = 'unsorted'

export interface ImportOptions {
  /** Show the episode goes into; created (title from slug) when missing. */
  showSlug?: string
  /** Replace an existing transcript instead of refusing. */
  replace?: boolean
  /** Run every check and write inside a transaction that is then rolled back. */
  dryRun?: boolean
  /** Clock for importedAt; tests pin it. */
  now?: () => Date
  /** What the file name cannot say; the demo data and future metadata sidecars use it. */
  metadata?: { episodeTitle?: string; publishedAt?: Date; showTitle?: string }
}

export interface ImportSummary {
  episodeSlug: string
  showSlug: string
  format: string
  cues: number
  sentences: number
  segments: number
  speakers: string[]
  repairs: NormalizedTranscript['repairs']
  replaced: boolean
}

/** An expected refusal (already imported, slug taken by another show, unreadable file). */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message)
    this.name = 'ImportError'
  }
}

class DryRunRollback extends Error {}

export function importTranscript(
  db: SqliteDatabase,
  file: { name: string; content: Uint8Array | string },
  options: ImportOptions = {},
): ImportSummary {
  const transcript = withCleanText(readTranscript(file.content))
  if (!transcript.segments.some((segment) => segment.sentences.length > 0)) {
    throw new ImportError('the transcript holds no sentences')
  }
  const episodeSlug = slugFromFileName(file.name)
  if (!episodeSlug) throw new ImportError(`cannot derive an episode slug from the file name "${file.name}"`)
  const showSlug = options.showSlug ?? DEFAULT_SHOW_SLUG
  const importedAt = (options.now?.() ?? new Date()).toISOString()
  let summary: ImportSummary | undefined

  const write = db.transaction(() => {
    const showTitle = options.metadata?.showTitle ?? titleFromSlug(showSlug)
    const showId =
      findShowId(db, showSlug) ?? insertShow(db, { slug: showSlug, title: showTitle, createdAt: importedAt })
    const fields: EpisodeImportFields = {
      showId,
      slug: episodeSlug,
      title: options.metadata?.episodeTitle ?? titleFromSlug(episodeSlug),
      publishedAt: options.metadata?.publishedAt?.toISOString() ?? null,
      durationMs: durationOf(transcript),
      sourceFormat: transcript.format,
      sourceName: baseName(file.name),
      importedAt,
    }
    const { episodeId, replaced } = upsertEpisode(db, fields, options.replace ?? false)
    // Replacing a transcript in use keeps sentence ids (comments, permalinks, history).
    if (replaced) realignTranscript(db, episodeId, transcript, importedAt)
    else writeTranscript(db, episodeId, transcript, importedAt)
    summary = {
      episodeSlug,
      showSlug,
      format: transcript.format,
      cues: transcript.cues.length,
      sentences: transcript.segments.reduce((sum, segment) => sum + segment.sentences.length, 0),
      segments: transcript.segments.length,
      speakers: transcript.speakers,
      repairs: transcript.repairs,
      replaced,
    }
    if (options.dryRun) throw new DryRunRollback()
  })

  try {
    write()
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error
  }
  return summary!
}

/** Finds or creates the episode row; refuses an episode that already has a transcript unless replacing. */
function upsertEpisode(
  db: SqliteDatabase,
  fields: EpisodeImportFields,
  replace: boolean,
): { episodeId: number; replaced: boolean } {
  const existing = findEpisode(db, fields.slug)
  if (!existing) return { episodeId: insertEpisode(db, fields), replaced: false }
  if (existing.showId !== fields.showId) {
    throw new ImportError(`episode "${fields.slug}" already exists in another show; episode slugs are unique`)
  }
  if (existing.sentenceCount > 0 && !replace) {
    throw new ImportError(`episode "${fields.slug}" already has a transcript; use --replace to replace it`)
  }
  // An episode row without sentences may still hold empty segments from an earlier import.
  if (existing.sentenceCount === 0) deleteTranscript(db, existing.id)
  updateEpisodeSource(db, existing.id, fields)
  return { episodeId: existing.id, replaced: existing.sentenceCount > 0 }
}

function writeTranscript(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
): void {
  const writer = transcriptWriter(db)
  let sentencePosition = 0
  transcript.segments.forEach((segment, segmentPosition) => {
    const segmentId = writer.segment({
      episodeId,
      position: segmentPosition,
      startMs: segment.startMs,
      speaker: segment.speaker,
    })
    for (const sentence of segment.sentences) {
      writer.sentence({ episodeId, segmentId, position: sentencePosition++, ...sentence, updatedAt: now })
    }
  })
}

function durationOf(transcript: NormalizedTranscript): number | null {
  const last = transcript.segments.at(-1)?.sentences.at(-1)
  return last ? (last.endMs ?? last.startMs) : null
}

// Control characters have no place in a transcript, and lib/sql.ts uses two of them as
// snippet markers: stripped once, before either write path (new import or re-alignment).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

function withCleanText(transcript: NormalizedTranscript): NormalizedTranscript {
  return {
    ...transcript,
    segments: transcript.segments.map((segment) => ({
      ...segment,
      sentences: segment.sentences.map((s) => ({ ...s, text: s.text.replace(CONTROL_CHARACTERS, '') })),
    })),
  }
}
