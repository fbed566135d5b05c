'use server'
// The hosts' pages' forms: adapters of lib/shows/operations.ts, lib/episodes/operations.ts,
// lib/episodes/transcript-upload.ts and lib/feeds/operations.ts. Each passes what the form sent
// and maps the Result to a FormState, with what was typed sent back (lib/forms/form-values.ts).
// No authorization here: every operation authorizes. Audio files are uploaded by the page with
// fetch to PUT /api/episodes/:slug/audio, which streams them to disk (see docs/api.md).
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { createEpisode, setEpisodeAudioUrl, updateEpisode } from '@/lib/episodes/operations'
import { uploadTranscript, type TranscriptReport } from '@/lib/episodes/transcript-upload'
import { addFeed, refreshFeed } from '@/lib/feeds/operations'
import type { FeedReport } from '@/lib/feeds/report'
import { toFormState } from '@/lib/forms/form-state'
import { withTypedValues, type FormStateWithValues } from '@/lib/forms/form-values'
import { currentContext } from '@/lib/operations/server-context'
import { createShow } from '@/lib/shows/operations'

type State<T = undefined> = FormStateWithValues<T>

/** A form field as text; a missing field is absent (undefined), not "null". */
function text(form: FormData, name: string): string | undefined {
  const value = form.get(name)
  return typeof value === 'string' ? value : undefined
}

/** For fields that may be cleared: blank means "none" (null). */
function textOrNull(form: FormData, name: string): string | null | undefined {
  const value = text(form, name)
  return value === undefined ? undefined : value.trim() === '' ? null : value.trim()
}

/** A number field: blank clears it; anything else is passed on for the schema to judge. */
function numberOrNull(form: FormData, name: string): number | string | null | undefined {
  const value = textOrNull(form, name)
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
}

export async function createShowAction(_previous: State, form: FormData): Promise<State> {
  const body = {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    description: text(form, 'description'),
  }
  const result = await createShow(await currentContext(), body)
  if (result.ok) {
    revalidatePath('/studio')
    redirect(`/studio/shows/${result.value.show.slug}`)
  }
  return withTypedValues(toFormState(result), form)
}

export async function addFeedAction(
  _previous: State<FeedReport>,
  form: FormData,
): Promise<State<FeedReport>> {
  const input = { url: text(form, 'url'), showSlug: text(form, 'showSlug')?.trim() || undefined }
  const result = await addFeed(await currentContext(), input)
  if (result.ok) revalidatePath('/', 'layout')
  return withTypedValues(
    toFormState(result, (report) => report),
    form,
  )
}

export async function refreshFeedAction(
  _previous: State<FeedReport>,
  form: FormData,
): Promise<State<FeedReport>> {
  const result = await refreshFeed(await currentContext(), { showSlug: text(form, 'showSlug') })
  if (result.ok) revalidatePath('/', 'layout')
  return toFormState(result, (report) => report)
}

export async function createEpisodeAction(_previous: State, form: FormData): Promise<State> {
  const body = {
    title: text(form, 'title'),
    slug: text(form, 'slug'),
    description: text(form, 'description'),
    publishedAt: text(form, 'publishedAt'),
  }
  const result = await createEpisode(await currentContext(), { showSlug: text(form, 'showSlug'), body })
  if (result.ok) {
    revalidatePath('/', 'layout')
    redirect(`/studio/episodes/${result.value.episode.slug}`)
  }
  return withTypedValues(toFormState(result), form)
}

export async function updateEpisodeAction(_previous: State, form: FormData): Promise<State> {
  const body = {
    title: text(form, 'title'),
    description: text(form, 'description'),
    publishedAt: textOrNull(form, 'publishedAt'),
    season: numberOrNull(form, 'season'),
    episodeNumber: numberOrNull(form, 'episodeNumber'),
    artworkUrl: textOrNull(form, 'artworkUrl'),
  }
  const result = await updateEpisode(await currentContext(), { slug: text(form, 'slug'), body })
  if (result.ok) revalidatePath('/', 'layout')
  return withTypedValues(toFormState(result), form)
}

export async function setAudioUrlAction(_previous: State, form: FormData): Promise<State> {
  const body = { audioUrl: textOrNull(form, 'audioUrl') ?? null }
  const result = await setEpisodeAudioUrl(await currentContext(), { slug: text(form, 'slug'), body })
  if (result.ok) revalidatePath('/', 'layout')
  return withTypedValues(toFormState(result), form)
}

export async function uploadTranscriptAction(
  _previous: State<TranscriptReport>,
  form: FormData,
): Promise<State<TranscriptReport>> {
  const upload = form.get('transcript')
  const file =
    upload instanceof File
      ? {
          name: upload.name,
          size: upload.size,
          // Next has already read the body (capped by serverActions.bodySizeLimit, next.config.js).
          read: async () => new Uint8Array(await upload.arrayBuffer()),
        }
      : { name: undefined, size: null, read: async () => null }
  const result = await uploadTranscript(await currentContext(), { slug: text(form, 'slug'), file })
  if (result.ok) revalidatePath('/', 'layout')
  return toFormState(result, (report) => report)
}
