'use client'
// The comment state of one episode page: every comment the viewer may see (from the server,
// refreshed after each action), who is looking, and which sentence's thread is open. A
// `#c-<id>` permalink in the URL opens that comment's sentence.
import { createContext, useContext, useMemo, useState, useSyncExternalStore } from 'react'
import { countBySentence } from '@/lib/comments/thread-shape'
import type { CommentDto } from '@/lib/comments/types'

export interface PageViewer {
  id: string
  name: string
  role: 'listener' | 'host' | 'admin'
  banned: boolean
}

interface CommentsState {
  slug: string
  commentsEnabled: boolean
  viewer: PageViewer | null
  comments: readonly CommentDto[]
  counts: Map<number, number>
  openSentenceId: number | null
  linkedCommentId: number | null
  toggle(sentenceId: number): void
  close(): void
}

const CommentsContext = createContext<CommentsState | null>(null)

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function CommentsProvider(props: {
  slug: string
  commentsEnabled: boolean
  viewer: PageViewer | null
  comments: CommentDto[]
  children: React.ReactNode
}) {
  const { slug, commentsEnabled, viewer, comments } = props
  const hash = useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash,
    () => '',
  )
  // undefined: nothing clicked yet, so a #c-<id> permalink decides what is open.
  const [chosen, setChosen] = useState<number | null | undefined>(undefined)
  const linkedCommentId = /^#c-(\d+)$/.exec(hash)?.[1]
  const linked = linkedCommentId
    ? comments.find((comment) => comment.id === Number(linkedCommentId))
    : undefined
  const openSentenceId = chosen !== undefined ? chosen : (linked?.sentenceId ?? null)
  // Its own memo: the transcript re-renders its segments when counts change, not on every open.
  const counts = useMemo(() => countBySentence(comments), [comments])
  const state = useMemo<CommentsState>(
    () => ({
      slug,
      commentsEnabled,
      viewer,
      comments,
      counts,
      openSentenceId,
      linkedCommentId: linked?.id ?? null,
      toggle: (sentenceId) => setChosen(sentenceId === openSentenceId ? null : sentenceId),
      close: () => setChosen(null),
    }),
    [slug, commentsEnabled, viewer, comments, counts, openSentenceId, linked?.id],
  )
  return <CommentsContext.Provider value={state}>{props.children}</CommentsContext.Provider>
}

export function useComments(): CommentsState {
  const state = useContext(CommentsContext)
  if (!state) throw new Error('useComments() outside <CommentsProvider>')
  return state
}
