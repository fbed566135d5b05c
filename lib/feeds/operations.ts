// Shows from feeds: the use cases (issue 10). Host-only (authorize 'edit-transcripts'); the CLI
// calls them as OPERATOR, host pages through their adapters. Each parses its raw input, checks
// the caller, then runs the feed (import-feed.ts). Expected trouble (a URL refused, a feed that
// cannot be fetched or read) is a Failure with a sentence saying why; what happened per episode
// is the FeedReport.
import 'server-only'
import { z } from 'zod'
import { authorize } from '@/lib/auth/policy'
import { authorizeOnShow, showsOf } from '@/lib/auth/show-access'
import { env } from '@/lib/env'
import type { OperationContext } from '@/lib/operations/context'
import { parseInput } from '@/lib/operations/input'
import { notFound, ok, unprocessable, type Result } from '@/lib/result'
import { grantToCreator } from '@/lib/users/show-hosts'
import { SlugSchema } from '@/lib/validation'
import { showByFeedUrl, showBySlug, showsWithFeeds } from './feed-store'
import type { FetchLimits } from './fetch-limits'
import { runFeed, type FeedRunOptions } from './import-feed'
import type { FeedReport } from './report'
import type { ResolveHost } from './safe-fetch'

export type { FeedReport } from './report'

/** How a run fetches and reports progress; every field defaults to the environment's setting. */
export interface FeedOptions {
  /** Called after each episode: done of total, and the episode's title. */
  onEpisode?: (done: number, total: number, title: string) => void
  /** FEED_ALLOW_PRIVATE; tests pass true to reach their 127.0.0.1 fixture server. */
  allowPrivate?: boolean
  limits?: Partial<FetchLimits>
  resolve?: ResolveHost
  /** Fetch the feed without If-None-Match / If-Modified-Since (to re-read a feed that answers 304). */
  unconditional?: boolean
}

const FeedUrlSchema = z
  .string({ error: 'The feed URL must be text.' })
  .trim()
  .min(1, { error: 'Paste the feed’s URL.' })
  .max(2048, { error: 'A feed URL can be at most 2048 characters.' })
  .pipe(z.url({ protocol: /^https?$/, error: 'The feed URL must be an http:// or https:// address.' }))

const AddFeedSchema = z.object({ url: FeedUrlSchema, showSlug: SlugSchema.optional() })
const RefreshFeedSchema = z.object({ showSlug: SlugSchema })

/** Adds a show by its feed URL (or gives an existing show its feed with `showSlug`) and imports every item. */
export async function addFeed(
  ctx: OperationContext,
  input: { url: unknown; showSlug?: unknown },
  options: FeedOptions = {},
): Promise<Result<FeedReport>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const parsed = parseInput(AddFeedSchema, {
    url: input.url,
    showSlug: input.showSlug === '' || input.showSlug == null ? undefined : input.showSlug,
  })
  if (!parsed.ok) return parsed
  const { url, showSlug } = parsed.value
  const feedUrl = new URL(url).href
  const known = showByFeedUrl(ctx.sqlite, feedUrl)
  if (known)
    return unprocessable(
      `That feed is already the show “${known.title}” (${known.slug}); refresh it instead.`,
    )
  const attachTo = showSlug ? showBySlug(ctx.sqlite, showSlug) : null
  if (attachTo) {
    const onShow = await authorizeOnShow(ctx, 'edit-transcripts', attachTo.id)
    if (!onShow.ok) return onShow
  }
  if (attachTo?.feedUrl) {
    return unprocessable(`The show “${attachTo.title}” already has a feed (${attachTo.feedUrl}).`)
  }
  const report = await runFeed(
    ctx.sqlite,
    { kind: 'new', feedUrl, showSlug: showSlug ?? null, attachTo },
    runOptions(ctx, options),
  )
  if (!report.ok || !report.value.show.created) return report
  // The host who adds a feed hosts the show it makes.
  const created = showBySlug(ctx.sqlite, report.value.show.slug)
  const granted = created
    ? await grantToCreator(ctx.sqlite, caller.value, created.id, ctx.now ?? new Date())
    : null
  return granted && !granted.ok ? granted : report
}

/** Re-polls a show's feed (conditional GET) and imports what changed. */
export async function refreshFeed(
  ctx: OperationContext,
  input: { showSlug: unknown },
  options: FeedOptions = {},
): Promise<Result<FeedReport>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const parsed = parseInput(RefreshFeedSchema, { showSlug: input.showSlug })
  if (!parsed.ok) return notFound('show')
  const show = showBySlug(ctx.sqlite, parsed.value.showSlug)
  if (!show) return notFound('show')
  const onShow = await authorizeOnShow(ctx, 'edit-transcripts', show.id)
  if (!onShow.ok) return onShow
  if (!show.feedUrl) return unprocessable(`The show “${show.title}” has no feed to refresh.`)
  return runFeed(ctx.sqlite, { kind: 'existing', show, feedUrl: show.feedUrl }, runOptions(ctx, options))
}

/**
 * Refreshes every show that has a feed (of the shows the caller hosts; every show for admins and
 * the CLI), one at a time; a failing show does not stop the rest.
 */
export async function refreshAllFeeds(
  ctx: OperationContext,
  options: FeedOptions = {},
): Promise<Result<Array<{ showSlug: string; result: Result<FeedReport> }>>> {
  const caller = authorize(ctx.caller, 'edit-transcripts')
  if (!caller.ok) return caller
  const hosted = await showsOf(ctx.db, caller.value)
  const results: Array<{ showSlug: string; result: Result<FeedReport> }> = []
  for (const show of showsWithFeeds(ctx.sqlite)) {
    if (hosted !== 'every-show' && !hosted.has(show.id)) continue
    results.push({ showSlug: show.slug, result: await refreshFeed(ctx, { showSlug: show.slug }, options) })
  }
  return ok(results)
}

function runOptions(ctx: OperationContext, options: FeedOptions): FeedRunOptions {
  return {
    allowPrivate: options.allowPrivate ?? env.FEED_ALLOW_PRIVATE,
    limits: { ...envLimits(), ...options.limits },
    maxRedirects: env.FEED_MAX_REDIRECTS,
    resolve: options.resolve,
    unconditional: options.unconditional,
    onEpisode: options.onEpisode,
    now: ctx.now ? () => ctx.now! : undefined,
  }
}

function envLimits(): FetchLimits {
  return {
    feed: { timeoutMs: env.FEED_TIMEOUT_MS, maxBytes: env.FEED_MAX_BYTES },
    transcript: { timeoutMs: env.TRANSCRIPT_TIMEOUT_MS, maxBytes: env.TRANSCRIPT_MAX_BYTES },
    chapters: { timeoutMs: env.CHAPTERS_TIMEOUT_MS, maxBytes: env.CHAPTERS_MAX_BYTES },
    artwork: { timeoutMs: env.FEED_TIMEOUT_MS, maxBytes: env.FEED_MAX_BYTES },
  }
}
