'use client'
// Find in this episode: the site's search (stemming, typo correction, "phrases", prefix*,
// -exclusions, speaker:) scoped to this transcript, stepping through the matching sentences.
// The server lists the matches (GET /api/search?episode=&all=1, in transcript order); each step
// goes to the sentence's #s-<id> anchor, so the page's own hash handling scrolls to it and
// marks it (:target), even in a long episode.
//
// Keyboard: "/" focuses the field (when no field has focus); Enter = next match, Shift+Enter =
// previous; Escape closes the find and puts focus on the sentence found, so reading (or P to
// play from it) continues there. Ctrl+F stays the browser's own: listeners rely on it, it
// finds any text on the page, and taking it over would break that habit for a few extras.
// `?find=<query>` on the page's URL (the search page's "N more in this episode") runs a find on load.
import { useSearchParams } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import styles from './find-in-episode.module.css'

type Found =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'failed'; message: string }
  | { kind: 'found'; query: string; ids: number[]; total: number; index: number; corrected?: string }

interface SearchAllResponse {
  total?: number
  sentenceIds?: number[]
  correctedQuery?: string
  error?: string
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

// Replacing (not pushing) the hash: a find is many steps, and Back should leave the page, not
// step back. Chrome focuses a focusable fragment target (a sentence is one), so focus returns to
// the find field or button that had it: Enter must keep going to the next match.
function goToSentence(id: number, keepFocus: HTMLElement | null): void {
  const target = `#s-${id}`
  if (window.location.hash === target) document.getElementById(`s-${id}`)?.scrollIntoView({ block: 'center' })
  else window.location.replace(target)
  if (keepFocus && document.activeElement !== keepFocus) keepFocus.focus({ preventScroll: true })
}

export function FindInEpisode({ slug }: { slug: string }) {
  // ?find=<query> from the search page's "N more in this episode" (the page is dynamic, so the
  // server renders the field filled too).
  const initial = useSearchParams().get('find')?.slice(0, 500) ?? ''
  const [query, setQuery] = useState(initial)
  const [found, setFound] = useState<Found>({ kind: 'idle' })
  const input = useRef<HTMLInputElement>(null)
  const form = useRef<HTMLFormElement>(null)
  const latest = useRef(0)

  // The find's own field or button, when it has focus (it keeps it while stepping).
  const focusInFind = useCallback((): HTMLElement | null => {
    const active = document.activeElement
    return active instanceof HTMLElement && form.current?.contains(active) ? active : null
  }, [])

  const step = useCallback(
    (current: Extract<Found, { kind: 'found' }>, by: number) => {
      if (current.ids.length === 0) return
      const index = (current.index + by + current.ids.length) % current.ids.length
      setFound({ ...current, index })
      goToSentence(current.ids[index]!, focusInFind())
    },
    [focusInFind],
  )

  const find = useCallback(
    async (text: string) => {
      const request = ++latest.current
      setFound({ kind: 'searching' })
      const params = new URLSearchParams({ q: text, episode: slug, all: '1' })
      try {
        const response = await fetch(`/api/search?${params}`)
        const body = (await response.json()) as SearchAllResponse
        if (request !== latest.current) return
        if (!response.ok) {
          setFound({ kind: 'failed', message: body.error ?? 'The search failed; try again.' })
          return
        }
        const ids = body.sentenceIds ?? []
        const next: Found = {
          kind: 'found',
          query: text,
          ids,
          total: body.total ?? ids.length,
          index: 0,
          corrected: body.correctedQuery,
        }
        setFound(next)
        if (ids.length > 0) goToSentence(ids[0]!, focusInFind())
      } catch {
        if (request === latest.current) setFound({ kind: 'failed', message: 'The search failed; try again.' })
      }
    },
    [slug, focusInFind],
  )

  // "/" focuses the field unless the listener is typing somewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return
      event.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  // …and runs once on load, focused, so Enter goes on to the next match.
  const ranInitial = useRef(false)
  useEffect(() => {
    if (!initial || ranInitial.current) return
    ranInitial.current = true
    input.current?.focus()
    void find(initial)
  }, [find, initial])

  const move = (by: number) => {
    const text = query.trim()
    if (text === '') return
    if (found.kind === 'found' && found.query === text) step(found, by)
    else void find(text)
  }

  const close = () => {
    latest.current++
    const current = found.kind === 'found' ? found.ids[found.index] : undefined
    setFound({ kind: 'idle' })
    if (current !== undefined) document.getElementById(`s-${current}`)?.focus()
    else input.current?.blur()
  }

  return (
    <form
      ref={form}
      role="search"
      aria-label="Find in this episode"
      className={styles.find}
      onSubmit={(event) => {
        event.preventDefault()
        move(1)
      }}
    >
      <label htmlFor="find-in-episode">
        Find in this episode <span className="muted">(press /)</span>
      </label>
      <div className={styles.row}>
        <input
          ref={input}
          id="find-in-episode"
          type="search"
          value={query}
          maxLength={500}
          autoComplete="off"
          aria-describedby="find-in-episode-status"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && event.shiftKey) {
              event.preventDefault()
              move(-1)
            } else if (event.key === 'Escape') {
              event.preventDefault()
              close()
            }
          }}
        />
        <button type="button" onClick={() => move(-1)} disabled={query.trim() === ''}>
          Previous
        </button>
        <button type="submit" disabled={query.trim() === ''}>
          Next
        </button>
      </div>
      <p id="find-in-episode-status" className={styles.status} role="status" aria-live="polite">
        {statusText(found)}
      </p>
    </form>
  )
}

function statusText(found: Found): string {
  switch (found.kind) {
    case 'idle':
      return ''
    case 'searching':
      return 'Searching…'
    case 'failed':
      return found.message
    case 'found': {
      const corrected = found.corrected ? ` for “${found.corrected}”` : ''
      if (found.ids.length === 0) return `No matches${corrected} in this episode`
      const more = found.total > found.ids.length ? ` (the first ${found.ids.length} can be visited)` : ''
      return `${found.index + 1} of ${found.total}${corrected}${more}`
    }
  }
}
