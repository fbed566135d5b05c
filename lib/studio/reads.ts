// What the hosts' pages (/studio) show: every show with its feed, a show's episodes, one episode's
// metadata, transcript and audio. Reads like these are host-only, so each one authorizes, as
// the writes do: the pages answer 401/403 from the same policy (lib/auth/policy.ts).
import 'server-only'
import { authorize } from '@/lib/auth/policy'
import { authorizeOnShow, showIdFilter, showsOf } from '@/lib/auth/show-access'
import type { OperationContext } from '@/lib/operations/context'
import { isBoundedSlug } from '@/lib/operations/lookups'
import { notFound, ok, type Result } from '@/lib/result'

export interface StudioShow {
  slug: string
  title: string
  feedUrl: string | null
  lastRefreshedAt: Date | null
  episodeCount: number
}

export async function studioShows(ctx: OperationContext): Promise<Result<StudioShow[]>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  // A host sees the shows they host; an admin every show.
  const id = showIdFilter(await showsOf(ctx.db, caller.value))
  const shows = await ctx.db.show.findMany({
    where: id ? { id } : {},
    select: {
      slug: true,
      title: true,
      feedUrl: true,
      lastRefreshedAt: true,
      _count: { select: { episodes: true } },
    },
    orderBy: { title: 'asc' },
  })
  return ok(shows.map(({ _count, ...show }) => ({ ...show, episodeCount: _count.episodes })))
}

export async function studioShow(ctx: OperationContext, input: { slug: unknown }) {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  if (!isBoundedSlug(input.slug)) return notFound('show')
  const show = await ctx.db.show.findUnique({
    where: { slug: input.slug },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      feedUrl: true,
      lastRefreshedAt: true,
      episodes: {
        select: {
          slug: true,
          title: true,
          publishedAt: true,
          audioUrl: true,
          audioFile: true,
          _count: { select: { sentences: true } },
        },
        orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
      },
    },
  })
  if (!show) return notFound('show')
  const { id, ...hosted } = show
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', id)
  return onShow.ok ? ok(hosted) : onShow
}

export async function studioEpisode(ctx: OperationContext, input: { slug: unknown }) {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  if (!isBoundedSlug(input.slug)) return notFound('episode')
  const episode = await ctx.db.episode.findUnique({
    where: { slug: input.slug },
    select: {
      slug: true,
      title: true,
      description: true,
      publishedAt: true,
      season: true,
      episodeNumber: true,
      artworkUrl: true,
      audioUrl: true,
      audioFile: true,
      audioType: true,
      audioBytes: true,
      sourceName: true,
      sourceFormat: true,
      importedAt: true,
      guid: true,
      showId: true,
      show: { select: { slug: true, title: true, feedUrl: true } },
      // Open import conflicts: the page links to /studio/episodes/<slug>/conflicts.
      _count: { select: { sentences: true, importConflicts: { where: { resolvedAt: null } } } },
    },
  })
  if (!episode) return notFound('episode')
  const { showId, ...hosted } = episode
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', showId)
  return onShow.ok ? ok(hosted) : onShow
}
