// Resolving what an operation's input names: an episode by its slug, and the like. Each
// answers a Result, so a missing record is a 404 by the same words everywhere.
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { notFound, ok, type Result } from '@/lib/result'

export interface EpisodeRef {
  id: number
  showId: number
  slug: string
  title: string
  commentsEnabled: boolean
}

/** A slug as a path or form gives it: a non-empty string, bounded so a huge path never reaches the database. */
export function isBoundedSlug(slug: unknown): slug is string {
  return typeof slug === 'string' && slug.length > 0 && slug.length <= 200
}

/** The episode a slug names. */
export async function episodeBySlug(db: PrismaClient, slug: unknown): Promise<Result<EpisodeRef>> {
  if (!isBoundedSlug(slug)) return notFound('episode')
  const episode = await db.episode.findUnique({
    where: { slug },
    select: { id: true, showId: true, slug: true, title: true, commentsEnabled: true },
  })
  return episode ? ok(episode) : notFound('episode')
}

export interface ShowRef {
  id: number
  slug: string
  title: string
  feedUrl: string | null
}

/** The show a slug names. */
export async function showBySlug(db: PrismaClient, slug: unknown): Promise<Result<ShowRef>> {
  if (!isBoundedSlug(slug)) return notFound('show')
  const show = await db.show.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, feedUrl: true },
  })
  return show ? ok(show) : notFound('show')
}
