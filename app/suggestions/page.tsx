// Suggestions: hosts review the pending queue (word diff against the sentence as it is now,
// accept or reject with a reason); everyone signed in sees their own suggestions and outcomes.
import type { Metadata } from 'next'
import Link from 'next/link'
import { WordDiff } from '@/app/_components/word-diff'
import { acceptSuggestionAction, rejectSuggestionAction } from '@/app/suggestions/actions'
import type { SuggestionDto } from '@/lib/corrections/types'
import { currentContext } from '@/lib/operations/server-context'
import { listSuggestions, reviewQueue } from '@/lib/suggestions/operations'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Suggestions' }

type Props = { searchParams: Promise<{ error?: string }> }

export default async function SuggestionsPage({ searchParams }: Props) {
  const ctx = await currentContext()
  const caller = ctx.caller
  if (!caller)
    return (
      <>
        <h1>Suggestions</h1>
        <p>
          <Link href="/sign-in?next=/suggestions">Sign in</Link> to see your suggestions.
        </p>
      </>
    )
  const { error } = await searchParams
  const queue = await reviewQueue(ctx)
  const mine = await listSuggestions(ctx, { mine: true })
  return (
    <article className="suggestions-page">
      <h1>Suggestions</h1>
      {error ? <p className="form-error">{error.slice(0, 300)}</p> : null}
      {queue.ok ? (
        <section aria-label="Review queue">
          <h2>Waiting for review</h2>
          {queue.value.length === 0 ? <p className="muted">Nothing to review.</p> : null}
          <ol className="suggestion-list">
            {queue.value.map((suggestion) => (
              <li key={suggestion.id} className="suggestion" aria-label={`Suggestion ${suggestion.id}`}>
                <SuggestionSummary suggestion={suggestion} />
                <form action={acceptSuggestionAction} className="review-form">
                  <input type="hidden" name="suggestionId" value={suggestion.id} />
                  <input type="hidden" name="slug" value={suggestion.episodeSlug} />
                  <button type="submit">Accept</button>
                </form>
                <form action={rejectSuggestionAction} className="review-form">
                  <input type="hidden" name="suggestionId" value={suggestion.id} />
                  <input type="hidden" name="slug" value={suggestion.episodeSlug} />
                  <label>
                    Reason <input name="reason" required maxLength={500} />
                  </label>{' '}
                  <button type="submit">Reject</button>
                </form>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-label="Your suggestions">
        <h2>Your suggestions</h2>
        {mine.ok && mine.value.length === 0 ? (
          <p className="muted">You have not suggested anything yet.</p>
        ) : null}
        <ol className="suggestion-list">
          {mine.ok
            ? mine.value.map((suggestion) => (
                <li key={suggestion.id} className="suggestion">
                  <SuggestionSummary suggestion={suggestion} />
                  <p>
                    <strong>{outcome(suggestion)}</strong>
                  </p>
                </li>
              ))
            : null}
        </ol>
      </section>
    </article>
  )
}

function SuggestionSummary({ suggestion }: { suggestion: SuggestionDto }) {
  const link = `/episodes/${suggestion.episodeSlug}${suggestion.sentenceId ? `#s-${suggestion.sentenceId}` : ''}`
  return (
    <>
      <p className="muted">
        {suggestion.author.name} on <Link href={link}>{suggestion.episodeSlug}</Link>
      </p>
      <p>
        {/* Pending: against the text now (what accepting changes); reviewed: against what it was. */}
        <WordDiff
          before={
            suggestion.status === 'pending'
              ? (suggestion.currentText ?? suggestion.baseText)
              : suggestion.baseText
          }
          after={suggestion.text}
        />
      </p>
    </>
  )
}

function outcome(suggestion: SuggestionDto): string {
  if (suggestion.status === 'accepted') return `Accepted by ${suggestion.reviewer?.name ?? 'a host'}.`
  if (suggestion.status === 'rejected')
    return `Rejected by ${suggestion.reviewer?.name ?? 'a host'}: ${suggestion.reviewNote}`
  return 'Waiting for review.'
}
