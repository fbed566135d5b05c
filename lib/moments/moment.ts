// A moment: one sentence of an episode, as a share link names it
// (/episodes/<slug>/moments/<sentenceId>). Public, like the episode page it points into.
import type { DataHandles } from '@/lib/operations/context'
import { parseId } from '@/lib/operations/input'
import { episodeBySlug } from '@/lib/operations/lookups'
import { notFound, ok, type Result } from '@/lib/result'

export interface Moment {
  sentenceId: number
  startMs: number
  text: string
  speaker: string | null
  /** Bumped by every correction: the card's URL carries it, so caches fetch the corrected card. */
  version: number
  episode: { slug: string; title: string }
  show: { slug: string; title: string }
}

export async function getMoment(
  ctx: Pick<DataHandles, 'db'>,
  input: { slug: unknown; sentenceId: unknown },
): Promise<Result<Moment>> {
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  const id = parseId(input.sentenceId, 'sentence')
  if (!id.ok) return id
  const sentence = await ctx.db.sentence.findFirst({
    where: { id: id.value, episodeId: episode.value.id },
    select: {
      id: true,
      startMs: true,
      text: true,
      speaker: true,
      version: true,
      episode: { select: { slug: true, title: true, show: { select: { slug: true, title: true } } } },
    },
  })
  if (!sentence) return notFound('sentence')
  const { episode: found, id: sentenceId, ...rest } = sentence
  return ok({ sentenceId, ...rest, episode: { slug: found.slug, title: found.title }, show: found.show })
}
