// What a comment looks like outside the data layer: in pages, client components and JSON.
// Dates are ISO strings so the same object crosses the server/client boundary and the API.

/** visible: everyone sees it; held: waiting for a host (only its author and hosts see it); hidden: by a host. */
export type CommentStatus = 'visible' | 'held' | 'hidden'

export interface CommentDto {
  id: number
  episodeId: number
  /** null when the sentence was removed (transcript re-imported); `quote` still says what it was. */
  sentenceId: number | null
  parentId: number | null
  /** The sentence's text when the comment was written. */
  quote: string
  /** Empty for a deleted comment that is kept because it has replies. */
  body: string
  status: CommentStatus
  deleted: boolean
  /**
   * A stub: the comment is hidden by a moderator (or awaiting review) and the viewer may not
   * read it, but replies they can see hang under it. Body empty, author blank; `status` says why.
   */
  removed: boolean
  author: { id: string; name: string }
  /** Only for hosts and admins: whether the author is banned (for the Ban/Unban author button). */
  authorBanned?: boolean
  createdAt: string
  editedAt: string | null
}

/** Who is looking, as far as visibility and the edit/delete buttons care. */
export interface Viewer {
  id: string
  role: 'listener' | 'host' | 'admin'
  /** A banned host reads like a listener (lib/auth/policy.ts seesAsModerator). */
  bannedAt?: Date | null
}
