// What corrections look like outside the data layer: in pages, client components and JSON.
// Dates are ISO strings so the same objects cross the server/client boundary and the API.

/** A sentence as the corrections API reads and writes it. */
export interface SentenceDto {
  id: number
  text: string
  speaker: string | null
  startMs: number
  version: number
}

/** The editable fields of a sentence; absent fields are left as they are. */
export interface SentenceChange {
  text?: string
  speaker?: string | null
  startMs?: number
}

export type RevisionKind = 'edit' | 'revert' | 'suggestion' | 'split' | 'merge' | 'replace' | 'import'

export interface RevisionDto {
  id: number
  episodeId: number
  sentenceId: number | null
  kind: RevisionKind
  reason: string
  revertOfId: number | null
  before: { text: string; speaker: string | null; startMs: number }
  after: { text: string; speaker: string | null; startMs: number }
  version: number
  author: { id: string; name: string }
  creditedTo: { id: string; name: string } | null
  createdAt: string
}

export type SuggestionStatus = 'pending' | 'accepted' | 'rejected'

export interface SuggestionDto {
  id: number
  episodeId: number
  episodeSlug: string
  sentenceId: number | null
  baseText: string
  /** The sentence's text now (null when it is gone), so a reviewer sees what accepting changes. */
  currentText: string | null
  text: string
  status: SuggestionStatus
  reviewNote: string
  author: { id: string; name: string }
  reviewer: { id: string; name: string } | null
  revisionId: number | null
  createdAt: string
  reviewedAt: string | null
}
