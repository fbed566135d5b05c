'use client'
// "Share" for one sentence: its link with the time (the moment page, which chat apps unfurl as
// the quote card), copied to the clipboard or handed to the system share sheet where there is
// one, and a preview of the card. A disclosure (button + panel), usable by keyboard: the panel
// takes focus on its link when it opens, Escape closes it and focus returns to the button.
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import { formatTimestamp } from '@/lib/format'
import { momentPath, quoteCardPath } from '@/lib/moments/moment-urls'
import styles from './share-moment.module.css'

export interface ShareMomentProps {
  slug: string
  sentenceId: number
  startMs: number
  text: string
  /** The sentence's version: a corrected sentence gets a fresh card URL. */
  version?: number
  /** Open the panel in the page flow instead of floating (the moment page). */
  inline?: boolean
}

/** Copies with the async clipboard, else with a selected input (http:// on a LAN address). */
async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    if (!fallbackInput) return false
    fallbackInput.select()
    return document.execCommand('copy')
  }
}

const noSubscription = () => () => {}

export function ShareMoment(props: ShareMomentProps) {
  const { slug, sentenceId, startMs, text, version, inline = false } = props
  const [open, setOpen] = useState(inline)
  const [status, setStatus] = useState('')
  // Browser-only facts; the server renders no origin and no share button.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  )
  const canShare = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === 'function',
    () => false,
  )
  const toggleRef = useRef<HTMLButtonElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const panelId = useId()
  const time = formatTimestamp(startMs)
  const link = `${origin}${momentPath(slug, sentenceId, startMs)}`

  useEffect(() => {
    if (open && !inline) inputRef.current?.focus()
  }, [open, inline])

  function close() {
    setOpen(false)
    setStatus('')
    toggleRef.current?.focus()
  }

  async function copy() {
    setStatus(
      (await copyText(link, inputRef.current)) ? `Link copied (at ${time}).` : 'Select the link and copy it.',
    )
  }

  async function share() {
    try {
      await navigator.share({ title: `“${text}”`, text: `“${text}”`, url: link })
      setStatus('Shared.')
    } catch (error) {
      // AbortError: the listener closed the share sheet; nothing to say.
      if ((error as Error).name !== 'AbortError') setStatus('Sharing did not work; copy the link instead.')
    }
  }

  return (
    <span
      className={`${styles.share} ${inline ? styles.inline : ''}`}
      // Keys and clicks inside stay here: the sentence around it toggles comments on both.
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation()
        if (event.key === 'Escape' && open && !inline) {
          event.preventDefault()
          close()
        }
      }}
    >
      {inline ? null : (
        <button
          ref={toggleRef}
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => (open ? close() : setOpen(true))}
        >
          Share<span className="visually-hidden"> the sentence at {time}</span>
        </button>
      )}
      {open ? (
        <span id={panelId} className={styles.panel} role="group" aria-label={`Share the moment at ${time}`}>
          <label htmlFor={`${panelId}-link`}>Link to this moment ({time})</label>
          <span className={styles.row}>
            <input
              ref={inputRef}
              id={`${panelId}-link`}
              type="text"
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" onClick={copy}>
              Copy link
            </button>
          </span>
          {canShare ? (
            <span className={styles.row}>
              <button type="button" className={styles.secondary} onClick={share}>
                Share…
              </button>
            </span>
          ) : null}
          <img
            className={styles.preview}
            src={quoteCardPath(slug, sentenceId, version)}
            alt={`Quote card: “${text}”, at ${time}`}
            width={1200}
            height={630}
            loading="lazy"
          />
          <span className={styles.status} role="status" aria-live="polite">
            {status}
          </span>
        </span>
      ) : null}
    </span>
  )
}
