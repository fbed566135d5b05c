// Shows, episodes and transcripts for tests, the demo dataset and benchmarks: plain builders with
// defaults a caller overrides, and one writer that stores a built episode through the importer.
// Seeding never writes rows by hand, so seeded rows are exactly what an import writes (cleaned
// text, segments derived from speakers and pauses, versions, timestamps, the search index).
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { importTranscript, type ImportSummary } from '@/lib/import/import-transcript'
import { slugFromFileName, titleFromSlug } from '@/lib/import/names'
import { exportPodcastJson } from '@/lib/transcripts/export-json'
import type { NormalizedSentence } from '@/lib/transcripts/types'

export interface ShowData {
  slug: string
  title: string
}

export type SentenceData = NormalizedSentence

/**
 * What the importer reads: built sentences (written as a Podcasting 2.0 JSON file, one cue per
 * sentence, which reads back as the same sentences) or a transcript file's content as it is.
 */
export type TranscriptData =
  { sentences: SentenceData[] } | { file: { extension: string; content: string | Uint8Array } }

export interface EpisodeData {
  show: ShowData
  slug: string
  title: string
  publishedAt: Date | null
  transcript: TranscriptData
}

// Numbers default slugs, so episodes built without a slug never collide in one database.
let numbered = 0

export function buildShow(overrides: Partial<ShowData> = {}): ShowData {
  const slug = overrides.slug ?? `show-${++numbered}`
  return { slug, title: titleFromSlug(slug), ...overrides }
}

/**
 * Sentences one after another, `stepMs` apart from 0, all by the same speaker: `count` of them
 * ("Sentence 1 is here." …) or one per given text. Each text must be one whole sentence, or the
 * importer's splitter reads a different number of sentences back (writeEpisode refuses that).
 */
export function buildSentences(
  countOrTexts: number | readonly string[],
  overrides: { speaker?: string | null; startMs?: number; stepMs?: number } = {},
): SentenceData[] {
  const texts =
    typeof countOrTexts === 'number'
      ? Array.from({ length: countOrTexts }, (_, index) => `Sentence ${index + 1} is here.`)
      : countOrTexts
  const { speaker = 'Ana', startMs = 0, stepMs = 1000 } = overrides
  return texts.map((text, index) => ({ startMs: startMs + index * stepMs, endMs: null, speaker, text }))
}

/** An episode of a new show with three sentences, unless told otherwise. */
export function buildEpisode(overrides: Partial<EpisodeData> = {}): EpisodeData {
  const slug = overrides.slug ?? `episode-${++numbered}`
  return {
    show: overrides.show ?? buildShow(),
    slug,
    title: titleFromSlug(slug),
    publishedAt: null,
    transcript: { sentences: buildSentences(3) },
    ...overrides,
  }
}

/**
 * Writes a built episode (and its show, when missing) through `importTranscript`, in one
 * transaction as every import is, and returns the import's summary. `now` pins importedAt and
 * updatedAt. Throws, writing nothing, when built sentences do not read back one for one.
 */
export function writeEpisode(
  db: SqliteDatabase,
  episode: EpisodeData,
  options: { now?: () => Date } = {},
): ImportSummary {
  const file = transcriptFile(episode)
  if (slugFromFileName(file.name) !== episode.slug) {
    throw new Error(
      `"${episode.slug}" is not an episode slug the importer would derive (try "${slugFromFileName(file.name)}")`,
    )
  }
  // The check below rolls the import back (its own transaction nests as a savepoint).
  const write = db.transaction(() => {
    const summary = importTranscript(db, file, {
      showSlug: episode.show.slug,
      now: options.now,
      metadata: {
        showTitle: episode.show.title,
        episodeTitle: episode.title,
        publishedAt: episode.publishedAt ?? undefined,
      },
    })
    const built = 'sentences' in episode.transcript ? episode.transcript.sentences.length : summary.sentences
    if (summary.sentences !== built) {
      throw new Error(
        `episode "${episode.slug}": ${built} sentences were built but the importer read ${summary.sentences}; give each one text that is one whole sentence`,
      )
    }
    return summary
  })
  return write()
}

function transcriptFile(episode: EpisodeData): { name: string; content: string | Uint8Array } {
  const { transcript } = episode
  if ('file' in transcript) {
    return { name: `${episode.slug}.${transcript.file.extension}`, content: transcript.file.content }
  }
  return { name: `${episode.slug}.json`, content: exportPodcastJson(transcript.sentences) }
}
