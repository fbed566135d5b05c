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

/** What one change (the revisions of one use case) was: a speaker rename writes `edit` revisions. */
export type ChangeKind = RevisionKind | 'rename'

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'edit',
  'replace',
  'rename',
  'split',
  'merge',
  'suggestion',
  'import',
  'revert',
]

export interface RevisionDto {
  id: number
  episodeId: number
  sentenceId: number | null
  kind: RevisionKind
  reason: string
  revertOfId: number | null
  /** The change this revision is part of (lib/sentences/changes.ts). */
  changeId: number | null
  before: { text: string; speaker: string | null; startMs: number }
  after: { text: string; speaker: string | null; startMs: number }
  version: number
  author: { id: string; name: string }
  creditedTo: { id: string; name: string } | null
  createdAt: string
}

/** One change: the revisions one use case wrote (a find/replace over N sentences is one), oldest first. */
export interface ChangeDto {
  id: number
  episodeId: number
  kind: ChangeKind
  reason: string
  author: { id: string; name: string }
  createdAt: string
  /** The change this one reverted. */
  revertOfId: number | null
  /** The changes that reverted this one, oldest first. */
  revertedByIds: number[]
  revisions: RevisionDto[]
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
