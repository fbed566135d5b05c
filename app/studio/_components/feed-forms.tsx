'use client'
// "Add a show by its feed URL" and "Refresh now": both answer with the feed's report.
import { useActionState } from 'react'
import { addFeedAction, refreshFeedAction } from '@/app/studio/actions'
import { Field, FormStatus } from '@/app/studio/_components/field'
import { FeedReportView } from '@/app/studio/_components/feed-report'
import type { FeedReport } from '@/lib/feeds/report'
import type { FormStateWithValues } from '@/lib/forms/form-values'

const IDLE: FormStateWithValues<FeedReport> = { status: 'idle' }

export function AddFeedForm() {
  const [state, action, pending] = useActionState(addFeedAction, IDLE)
  return (
    <div>
      <form action={action} className="studio-form" noValidate aria-labelledby="add-feed-heading">
        <h2 id="add-feed-heading">Add a show by its feed URL</h2>
        <Field
          form="add-feed"
          name="url"
          label="Feed URL"
          type="url"
          state={state}
          required
          placeholder="https://example.com/podcast.rss"
          hint="Every episode is imported with its transcript, audio, chapters and people. This can take a minute."
        />
        <FormStatus state={state} fields={['url', 'showSlug']} />
        <button type="submit" disabled={pending}>
          {pending ? 'Adding… (fetching the feed and its transcripts)' : 'Add feed'}
        </button>
      </form>
      {state.status === 'saved' ? <FeedReportView report={state.value} /> : null}
    </div>
  )
}

export function RefreshFeedForm(props: { showSlug: string; showTitle: string }) {
  const [state, action, pending] = useActionState(refreshFeedAction, IDLE)
  return (
    <div className="refresh-feed">
      <form action={action}>
        <input type="hidden" name="showSlug" value={props.showSlug} />
        <button
          type="submit"
          className="secondary-button"
          disabled={pending}
          aria-label={`Refresh ${props.showTitle} now`}
        >
          {pending ? 'Refreshing…' : 'Refresh now'}
        </button>
      </form>
      <FormStatus state={state} fields={[]} />
      {state.status === 'saved' ? <FeedReportView report={state.value} /> : null}
    </div>
  )
}
