// Which of an episode's <podcast:transcript> links to import. The show's language comes first (a
// link without a language is in the feed's language, as the spec says); among those, the format
// that keeps the most: JSON (speakers and times per segment), WebVTT, SRT, HTML, plain text.
// Types Hearsay cannot read are never chosen.
import type { TranscriptLink } from './feed-schema'

export type TranscriptKind = 'json' | 'vtt' | 'srt' | 'html' | 'text'

/** Best first. */
export const TRANSCRIPT_KIND_ORDER: readonly TranscriptKind[] = ['json', 'vtt', 'srt', 'html', 'text']

const KIND_BY_TYPE: Record<string, TranscriptKind> = {
  'application/json': 'json',
  'application/json+transcript': 'json',
  'text/json': 'json',
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'application/srt': 'srt',
  'text/srt': 'srt',
  'text/x-subrip': 'srt',
  'text/html': 'html',
  'text/plain': 'text',
}

/** The kind of a transcript MIME type (parameters ignored), or null when Hearsay cannot read it. */
export function transcriptKind(type: string): TranscriptKind | null {
  return KIND_BY_TYPE[type.split(';')[0]!.trim().toLowerCase()] ?? null
}

/**
 * The transcript to import, or null when none is readable. `showLanguage` is the feed's
 * <language> ("en-us"); a link matches it by primary language ("en" matches "en-us"), and an
 * exact match beats a primary-language one. Without a show language, language does not count.
 */
export function chooseTranscript(
  links: readonly TranscriptLink[],
  showLanguage: string | null,
): TranscriptLink | null {
  const ranked = links
    .map((link, index) => ({ link, index, kind: transcriptKind(link.type) }))
    .filter(
      (entry): entry is { link: TranscriptLink; index: number; kind: TranscriptKind } => entry.kind != null,
    )
    .map((entry) => ({
      ...entry,
      language: languageRank(entry.link.language ?? showLanguage, showLanguage),
      format: TRANSCRIPT_KIND_ORDER.indexOf(entry.kind),
    }))
    .sort((a, b) => a.language - b.language || a.format - b.format || a.index - b.index)
  return ranked[0]?.link ?? null
}

/** 0: the show's language exactly, 1: the same primary language, 2: another one. */
function languageRank(language: string | null, showLanguage: string | null): number {
  if (showLanguage == null || language == null) return 0
  const a = language.toLowerCase()
  const b = showLanguage.toLowerCase()
  if (a === b) return 0
  return primary(a) === primary(b) ? 1 : 2
}

function primary(language: string): string {
  return language.split(/[-_]/)[0] ?? language
}
