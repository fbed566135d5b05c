// Suggestions: hosts review the pending queue (word diff against the sentence as it is now,
// accept or reject with a reason); everyone signed in sees their own suggestions and outcomes.
import type { Metadata } from 'next'
import Link from 'next/link'
import { WordDiff } from '@/app/_components/word-diff'
import { acceptSuggestionAction, rejectSuggestionAction } from '@/app/suggestions/actions'
import { canModerate } from '@/lib/auth/roles'
import { getCurrentCaller } from '@/lib/auth/session'
import { listSuggestions } from '@/lib/corrections/suggestions'
import type { SuggestionDto } from '@/lib/corrections/types'
import { prisma } from '@/lib/db/client'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Suggestions' }

type Props = { searchParams: Promise<{ error?: string }> }

export default async function SuggestionsPage({ searchParams }: Props) {
  const caller = await getCurrentCaller()
  if (!caller)
    return (
      <p>
        <Link href="/sign-in?next=/suggestions">Sign in</Link> to see your suggestions.
      </p>
    )
  const { error } = await searchParams
  const isHost = canModerate(caller.role)
  const queue = isHost ? await listSuggestions(prisma(), caller) : null
  const mine = await listSuggestions(prisma(), caller, { mine: true })
  return (
    <article className="suggestions-page">
      <h1>Suggestions</h1>
      {error ? <p className="form-error">{error.slice(0, 300)}</p> : null}
      {queue?.ok ? (
        <section aria-label="Review queue">
          <h2>Waiting for review</h2>
          {queue.suggestions.length === 0 ? <p className="muted">Nothing to review.</p> : null}
          <ol className="suggestion-list">
            {queue.suggestions.map((suggestion) => (
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
        {mine.ok && mine.suggestions.length === 0 ? (
          <p className="muted">You have not suggested anything yet.</p>
        ) : null}
        <ol className="suggestion-list">
          {mine.ok
            ? mine.suggestions.map((suggestion) => (
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
