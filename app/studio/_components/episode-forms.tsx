'use client'
// The forms of an episode's metadata: "New episode" (in a show), "Details" (edit), and the
// address of audio hosted elsewhere.
import { useActionState } from 'react'
import { createEpisodeAction, setAudioUrlAction, updateEpisodeAction } from '@/app/studio/actions'
import { Field, FormStatus } from '@/app/studio/_components/field'
import type { FormStateWithValues } from '@/lib/forms/form-values'

const IDLE: FormStateWithValues = { status: 'idle' }

export function CreateEpisodeForm(props: { showSlug: string }) {
  const [state, action, pending] = useActionState(createEpisodeAction, IDLE)
  return (
    <form action={action} className="studio-form" noValidate aria-labelledby="new-episode-heading">
      <h2 id="new-episode-heading">New episode</h2>
      <input type="hidden" name="showSlug" value={props.showSlug} />
      <Field form="new-episode" name="title" label="Title" state={state} required maxLength={300} />
      <Field
        form="new-episode"
        name="slug"
        label="Slug (optional)"
        state={state}
        maxLength={120}
        hint="Its address: /episodes/<slug>, unique across shows; made from the title when left blank."
      />
      <Field form="new-episode" name="publishedAt" label="Publish date" type="date" state={state} />
      <Field
        form="new-episode"
        name="description"
        label="Description"
        state={state}
        multiline
        maxLength={20000}
      />
      <FormStatus state={state} fields={['title', 'slug', 'publishedAt', 'description']} />
      <button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create episode'}
      </button>
    </form>
  )
}

export interface EpisodeDetails {
  slug: string
  title: string
  description: string
  /** YYYY-MM-DD, or '' */
  publishedAt: string
  season: number | null
  episodeNumber: number | null
  artworkUrl: string | null
}

export function EpisodeDetailsForm(props: { episode: EpisodeDetails }) {
  const { episode } = props
  const [state, action, pending] = useActionState(updateEpisodeAction, IDLE)
  return (
    <form action={action} className="studio-form" noValidate aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <input type="hidden" name="slug" value={episode.slug} />
      <Field
        form="details"
        name="title"
        label="Title"
        state={state}
        stored={episode.title}
        required
        maxLength={300}
      />
      <Field
        form="details"
        name="publishedAt"
        label="Publish date"
        type="date"
        state={state}
        stored={episode.publishedAt}
      />
      <div className="field-row">
        <Field
          form="details"
          name="season"
          label="Season"
          type="number"
          state={state}
          stored={episode.season}
        />
        <Field
          form="details"
          name="episodeNumber"
          label="Episode number"
          type="number"
          state={state}
          stored={episode.episodeNumber}
        />
      </div>
      <Field
        form="details"
        name="artworkUrl"
        label="Artwork address"
        type="url"
        state={state}
        stored={episode.artworkUrl}
      />
      <Field
        form="details"
        name="description"
        label="Description"
        state={state}
        stored={episode.description}
        multiline
        maxLength={20000}
      />
      <FormStatus
        state={state}
        fields={['title', 'publishedAt', 'season', 'episodeNumber', 'artworkUrl', 'description']}
        saved="Details saved."
      />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save details'}
      </button>
    </form>
  )
}

export function AudioUrlForm(props: { slug: string; audioUrl: string | null }) {
  const [state, action, pending] = useActionState(setAudioUrlAction, IDLE)
  return (
    <form action={action} className="studio-form" noValidate>
      <input type="hidden" name="slug" value={props.slug} />
      <Field
        form="audio-url"
        name="audioUrl"
        label="Audio address"
        type="url"
        state={state}
        stored={props.audioUrl}
        placeholder="https://…/episode.mp3"
        hint="Audio hosted elsewhere. Saving an address replaces an uploaded file; saving it blank removes the audio."
      />
      <FormStatus state={state} fields={['audioUrl', 'audioType']} saved="Audio address saved." />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save address'}
      </button>
    </form>
  )
}
