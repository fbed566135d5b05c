// What adding or refreshing a feed did, per episode: the one report the CLI prints and the host
// pages render (issue 10, items 1 and 2). Plain data (no Dates, no class instances), so it
// crosses a server action or a JSON response unchanged.
import type { ReimportConflict } from '@/lib/sentences/reimport-conflict'

/** Why an episode has no transcript after this import (its metadata and audio are still stored). */
export type NoTranscriptReason =
  /** The item has no <podcast:transcript> at all. */
  | 'none-offered'
  /** Transcripts are offered, but in types Hearsay cannot read. */
  | 'unsupported-type'
  /** The chosen transcript could not be fetched: 404, timeout, too large, refused address… */
  | 'fetch-failed'
  /** Fetched, but the file is not a readable transcript in its format (or has no sentences). */
  | 'parse-failed'

/** A sentence where a host's version was kept over the new transcript's (one type for every re-import). */
export type { ReimportConflict } from '@/lib/sentences/reimport-conflict'
export type EpisodeOutcome = 'imported' | 'updated' | 'unchanged' | 'no-transcript' | 'failed'

export interface EpisodeReport {
  /** The item's identity in the feed (its <guid>, or its enclosure URL). */
  guid: string
  title: string
  /** The Hearsay episode, when one exists (null for a failed new item: nothing was written). */
  episodeSlug: string | null
  outcome: EpisodeOutcome
  /** For no-transcript and failed: a sentence a host can act on ("the transcript at … answered 404"). */
  reason: string | null
  /** For no-transcript: why, as a code a page can style. */
  noTranscript: NoTranscriptReason | null
  /** For updated: what changed ("metadata", "transcript", "chapters", "persons", "soundbites"). */
  changes: string[]
  /** The transcript link chosen for this item, if any. */
  transcript: { url: string; type: string } | null
  /** Sentences where the host's version was kept over the new transcript's. */
  conflicts: ReimportConflict[]
  /** Problems with this item that did not stop it (an invalid date, a chapters file that failed…). */
  warnings: string[]
}

export interface FeedReport {
  show: { slug: string; title: string; created: boolean }
  feedUrl: string
  /** 'not-modified': the feed answered 304 (or the same bytes), nothing was read or written. */
  feed: 'fetched' | 'not-modified'
  /** In feed order. */
  episodes: EpisodeReport[]
  /** Problems with the feed as a whole or with items that were skipped (duplicate guid, no identity). */
  problems: string[]
  /** Counts per outcome, for a one-line summary. */
  counts: Record<EpisodeOutcome, number>
  /** Whether anything failed (the CLI exits 1). */
  failed: boolean
}

export function countOutcomes(episodes: readonly EpisodeReport[]): Record<EpisodeOutcome, number> {
  const counts: Record<EpisodeOutcome, number> = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    'no-transcript': 0,
    failed: 0,
  }
  for (const episode of episodes) counts[episode.outcome] += 1
  return counts
}

/** One line per outcome count: "3 imported, 1 no transcript, 1 failed". */
export function summarizeReport(report: FeedReport): string {
  if (report.feed === 'not-modified') return 'feed not modified since the last refresh: nothing to do'
  const words: Record<EpisodeOutcome, string> = {
    imported: 'imported',
    updated: 'updated',
    unchanged: 'unchanged',
    'no-transcript': 'no transcript',
    failed: 'failed',
  }
  const parts = (Object.keys(words) as EpisodeOutcome[])
    .filter((outcome) => report.counts[outcome] > 0)
    .map((outcome) => `${report.counts[outcome]} ${words[outcome]}`)
  return parts.length > 0 ? parts.join(', ') : 'no episodes'
}
