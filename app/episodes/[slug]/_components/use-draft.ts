'use client'
// A host's unsaved edit of one sentence, kept in localStorage so work in progress survives a
// reload. The draft remembers the version it was started from, so a stale draft still ends
// in a conflict (never a silent overwrite) when saved.
import { useCallback, useState } from 'react'

export interface SentenceDraft {
  text: string
  speaker: string
  startMs: string
  reason: string
  version: number
}

const keyOf = (sentenceId: number) => `hearsay:draft:sentence:${sentenceId}`

function readDraft(sentenceId: number): SentenceDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(sentenceId))
    return raw ? (JSON.parse(raw) as SentenceDraft) : null
  } catch {
    return null
  }
}

export function useDraft(sentenceId: number, saved: SentenceDraft) {
  // The panel only renders in the browser (after a click), so localStorage is there.
  const [stored] = useState(() => readDraft(sentenceId))
  const [draft, setDraftState] = useState<SentenceDraft>(stored ?? saved)
  const setDraft = useCallback(
    (next: SentenceDraft) => {
      setDraftState(next)
      window.localStorage.setItem(keyOf(sentenceId), JSON.stringify(next))
    },
    [sentenceId],
  )
  const clearDraft = useCallback(
    (next: SentenceDraft) => {
      setDraftState(next)
      window.localStorage.removeItem(keyOf(sentenceId))
    },
    [sentenceId],
  )
  return { draft, setDraft, clearDraft, restored: stored !== null }
}
