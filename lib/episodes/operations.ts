// Episodes a host makes and edits by hand (issue 10 item 5): the studio's forms and the JSON API
// (POST /api/shows/:slug/episodes, PATCH /api/episodes/:slug). Transcripts and audio files have
// their own use cases: lib/episodes/transcript-upload.ts, lib/episodes/audio-upload.ts.
import 'server-only'
import { z } from 'zod'
import { authorize } from '@/lib/auth/policy'
import { authorizeOnShow } from '@/lib/auth/show-access'
import {
  insertEpisodeRow,
  updateEpisodeRow,
  writeEpisodeChanges,
  type EpisodeChanges,
} from '@/lib/episodes/episode-store'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import type { OperationContext } from '@/lib/operations/context'
import { parseInput } from '@/lib/operations/input'
import { forgetEpisodeAudioFile, removeStoredAudioFile } from '@/lib/media/episode-audio'
import { showBySlug } from '@/lib/operations/lookups'
import { episodeOnShow } from '@/lib/operations/show-of'
import { invalid, ok, type Result } from '@/lib/result'
import {
  blankAsAbsent,
  DescriptionSchema,
  SlugSchema,
  TitleSchema,
  withSlugFromTitle,
} from '@/lib/validation'

export const EPISODE_TITLE_MAX_LENGTH = 300
export const EPISODE_DESCRIPTION_MAX_LENGTH = 20_000
const URL_MAX_LENGTH = 2_000

/** `2026-11-27` (midnight UTC, what a date field sends) or a full ISO timestamp with its offset. */
const PublishedAtSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'A publish date is a date like 2026-11-27 (or an ISO timestamp).',
  })
  .transform((text) => new Date(text.length === 10 ? `${text}T00:00:00Z` : text))

const HttpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'Give an http:// or https:// address.' })
  .max(URL_MAX_LENGTH, { error: `An address can be at most ${URL_MAX_LENGTH} characters.` })

const EpisodeNumberSchema = z
  .number({ error: 'Give a whole number.' })
  .int({ error: 'Give a whole number.' })
  .min(0, { error: 'Give a number of 0 or more.' })
  .max(100_000, { error: 'Give a number up to 100000.' })

const NewEpisodeSchema = z
  .strictObject({
    title: TitleSchema(EPISODE_TITLE_MAX_LENGTH),
    slug: z.preprocess(blankAsAbsent, SlugSchema.optional()),
    description: z.preprocess(blankAsAbsent, DescriptionSchema(EPISODE_DESCRIPTION_MAX_LENGTH).optional()),
    publishedAt: z.preprocess(blankAsAbsent, PublishedAtSchema.optional()),
  })
  .transform(withSlugFromTitle)

// PATCH semantics: an absent field stays as it is; null clears one that may be empty.
const EpisodeChangesSchema = z.strictObject({
  title: TitleSchema(EPISODE_TITLE_MAX_LENGTH).optional(),
  description: DescriptionSchema(EPISODE_DESCRIPTION_MAX_LENGTH).optional(),
  publishedAt: PublishedAtSchema.nullable().optional(),
  season: EpisodeNumberSchema.nullable().optional(),
  episodeNumber: EpisodeNumberSchema.nullable().optional(),
  artworkUrl: HttpUrlSchema.nullable().optional(),
})

const AudioUrlSchema = z.strictObject({
  /** null: the episode has no audio. */
  audioUrl: HttpUrlSchema.nullable(),
  audioType: z
    .string({ error: 'audioType must be a MIME type like audio/mpeg.' })
    .regex(/^audio\/[a-z0-9.+-]{1,60}$/i, { error: 'audioType must be a MIME type like audio/mpeg.' })
    .optional(),
})

export interface EpisodeLink {
  episode: { slug: string; title: string; showSlug: string }
}

/** Creates an episode (no transcript yet) in the show `showSlug`; `body` is `{ title, slug?, description?, publishedAt? }`. */
export async function createEpisode(
  ctx: OperationContext,
  input: { showSlug: unknown; body: unknown },
): Promise<Result<EpisodeLink>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const show = await showBySlug(ctx.db, input.showSlug)
  if (!show.ok) return show
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', show.value.id)
  if (!onShow.ok) return onShow
  const body = parseInput(NewEpisodeSchema, input.body)
  if (!body.ok) return body
  const { title, slug, description = '', publishedAt = null } = body.value
  const inserted = await insertEpisodeRow(
    ctx.sqlite,
    { showId: show.value.id, slug, title, description, publishedAt },
    ctx.now ?? new Date(),
  )
  if (!inserted.ok) return inserted
  return ok({ episode: { slug, title, showSlug: show.value.slug } })
}

/** Edits an episode's metadata; `body` holds any of title, description, publishedAt, season, episodeNumber, artworkUrl (null clears). */
export async function updateEpisode(
  ctx: OperationContext,
  input: { slug: unknown; body: unknown },
): Promise<Result<EpisodeLink>> {
  const start = await episodeOnShow(ctx, input.slug, 'edit-transcripts')
  if (!start.ok) return start
  const { episode } = start.value
  const body = parseInput(EpisodeChangesSchema, input.body)
  if (!body.ok) return body
  if (Object.values(body.value).every((value) => value === undefined))
    return invalid('Send at least one of title, description, publishedAt, season, episodeNumber, artworkUrl.')
  const changes: EpisodeChanges = { ...body.value }
  const current = await ctx.db.episode.findUniqueOrThrow({
    where: { id: episode.id },
    select: { title: true, description: true, show: { select: { slug: true } } },
  })
  // A form sends every field: an unchanged description keeps the feed's formatted version.
  if (changes.description === current.description) delete changes.description
  const updated = await updateEpisodeRow(ctx.sqlite, episode.id, changes)
  if (!updated.ok) return updated
  return ok({
    episode: { slug: episode.slug, title: changes.title ?? current.title, showSlug: current.show.slug },
  })
}

/** Points an episode at audio hosted elsewhere; `body` is `{ audioUrl, audioType? }` (audioUrl null: no audio). */
export async function setEpisodeAudioUrl(
  ctx: OperationContext,
  input: { slug: unknown; body: unknown },
): Promise<Result<{ audioUrl: string | null }>> {
  const start = await episodeOnShow(ctx, input.slug, 'edit-transcripts')
  if (!start.ok) return start
  const { episode } = start.value
  const body = parseInput(AudioUrlSchema, input.body)
  if (!body.ok) return body
  const { audioUrl, audioType } = body.value
  // A stored file is played instead of audioUrl (lib/media/audio-source.ts): it goes. The row is
  // written in one transaction (all of it, or nothing if it answers busy) and the file is deleted
  // only after the commit, so an episode never names a file that is gone.
  const id = episode.id
  const written = await inWriteTransaction(ctx.sqlite, () => {
    const forgotten = forgetEpisodeAudioFile(ctx.sqlite, id)
    if (!forgotten.ok) return forgotten
    writeEpisodeChanges(ctx.sqlite, id, {
      audioUrl,
      audioType: audioUrl ? (audioType ?? audioTypeFromUrl(audioUrl)) : null,
      audioBytes: null,
    })
    return ok(forgotten.value.audioFile)
  })
  if (!written.ok) return written
  if (written.value) removeStoredAudioFile(ctx.sqlite, id, written.value)
  return ok({ audioUrl })
}

const AUDIO_TYPES_BY_EXTENSION: Record<string, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  webm: 'audio/webm',
}

/** The audio's type from its address's extension, when it has a known one (the player's <source type>). */
function audioTypeFromUrl(url: string): string | null {
  const extension = new URL(url).pathname.match(/\.([a-z0-9]+)$/i)?.[1]?.toLowerCase()
  return (extension && AUDIO_TYPES_BY_EXTENSION[extension]) || null
}
