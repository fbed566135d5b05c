// Importing one transcript file into the database, atomically: the whole file or nothing.
// The sentences themselves are written by the sentence module (lib/sentences/), which owns
// every structural write, so an import and a correction follow the same rules.
import 'server-only'
import { readTranscript } from '@/lib/transcripts/parse'
import type { NormalizedTranscript, TranscriptFormat } from '@/lib/transcripts/types'
import type { ReimportOutcome } from '@/lib/sentences/reimport-conflict'
import {
  findEpisode,
  findShowId,
  insertEpisode,
  insertShow,
  updateEpisodeSource,
  type EpisodeImportFields,
} from '@/lib/sentences/episode-sql'
import { clearTranscript, insertTranscript, realignTranscript } from '@/lib/sentences/transcript-writes'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { baseName, slugFromFileName, titleFromSlug } from '@/lib/import/names'

export const DEFAULT_SHOW_SLUG = 'unsorted'

export interface ImportOptions {
  /** The episode the transcript is for (an upload to an existing episode); default: from the file name. */
  episodeSlug?: string
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
  /** The format when the source says it (a feed's transcript type); else detected from the content. */
  format?: TranscriptFormat
  /** Names the new file in a re-import's revisions and conflicts; defaults to the file's base name. */
  source?: string
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
  /** For a re-import: what changed, and the host's work kept against the new file. */
  reimport: ReimportOutcome | null
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
  const transcript = readTranscript(file.content, options.format)
  if (!transcript.segments.some((segment) => segment.sentences.length > 0)) {
    throw new ImportError('the transcript holds no sentences')
  }
  const episodeSlug = options.episodeSlug ?? slugFromFileName(file.name)
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
    const source = options.source ?? baseName(file.name)
    const reimport = replaced ? realignTranscript(db, episodeId, transcript, importedAt, source) : null
    if (!replaced) insertTranscript(db, episodeId, transcript, importedAt)
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
      reimport,
    }
    if (options.dryRun) throw new DryRunRollback()
  })

  try {
    // BEGIN IMMEDIATE: a running server's corrections queue behind the import, not fail.
    write.immediate()
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
  if (existing.sentenceCount === 0) clearTranscript(db, existing.id)
  updateEpisodeSource(db, existing.id, fields)
  return { episodeId: existing.id, replaced: existing.sentenceCount > 0 }
}

function durationOf(transcript: NormalizedTranscript): number | null {
  const last = transcript.segments.at(-1)?.sentences.at(-1)
  return last ? (last.endMs ?? last.startMs) : null
}
