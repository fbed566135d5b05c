// The transcript URLs a host pastes into their feed's <podcast:transcript> tags: stable (they
// name the episode's slug, never a version), always the corrected transcript, served with CORS,
// an ETag and cache headers (lib/api/export-api.ts). Client-safe: no server imports.
import type { ExportFormat } from '@/lib/transcripts/export-formats'

export interface PublishedTranscript {
  format: ExportFormat
  label: string
  /** Absolute URL under the site's public origin. */
  url: string
  /** The `type` attribute: the MIME type the Podcasting 2.0 spec lists for the format. */
  type: string
}

/** Best first, as podcast apps choose: JSON (speakers and times), WebVTT with <v> speakers, SRT. */
export const PUBLISHED_FORMATS = [
  { format: 'json', label: 'JSON (Podcasting 2.0)', type: 'application/json' },
  { format: 'vtt', label: 'WebVTT (with <v> speakers)', type: 'text/vtt' },
  { format: 'srt', label: 'SRT', type: 'application/x-subrip' },
] as const satisfies ReadonlyArray<{ format: ExportFormat; label: string; type: string }>

export function transcriptUrl(origin: string, slug: string, format: ExportFormat): string {
  return new URL(`/episodes/${encodeURIComponent(slug)}/transcript.${format}`, origin).href
}

export function publishedTranscripts(origin: string, slug: string): PublishedTranscript[] {
  return PUBLISHED_FORMATS.map(({ format, label, type }) => ({
    format,
    label,
    type,
    url: transcriptUrl(origin, slug, format),
  }))
}

/** The show's feed with those tags (GET /shows/:slug/feed.xml). */
export function showFeedUrl(origin: string, slug: string): string {
  return new URL(`/shows/${encodeURIComponent(slug)}/feed.xml`, origin).href
}
