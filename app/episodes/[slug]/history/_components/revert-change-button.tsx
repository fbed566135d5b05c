'use client'
// One click reverts a whole change (every sentence of a find/replace, both halves of a split)
// as a new change; the page then shows it at the top. A refusal (a sentence changed since, 409)
// is said next to the button, in words, and nothing was written.
import { useState, useTransition } from 'react'
import { revertChangeAction } from '@/app/episodes/[slug]/history/actions'
import styles from './history.module.css'

export function RevertChangeButton(props: { slug: string; changeId: number; label: string }) {
  const { slug, changeId, label } = props
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null)
  const [pending, startTransition] = useTransition()
  return (
    <div className={styles.revert}>
      <button
        type="button"
        disabled={pending}
        aria-describedby={message ? `revert-${changeId}-message` : undefined}
        onClick={() =>
          startTransition(async () => {
            const state = await revertChangeAction(slug, changeId)
            if (state.status === 'saved')
              setMessage({
                text: `Reverted: ${state.value.sentences} sentence${state.value.sentences === 1 ? '' : 's'}.`,
                failed: false,
              })
            else if (state.status !== 'idle') setMessage({ text: state.message, failed: true })
          })
        }
      >
        {pending ? 'Reverting…' : label}
      </button>
      <p
        id={`revert-${changeId}-message`}
        role={message?.failed ? 'alert' : 'status'}
        className={message?.failed ? styles.refused : styles.done}
      >
        {message?.text ?? ''}
      </p>
    </div>
  )
}
