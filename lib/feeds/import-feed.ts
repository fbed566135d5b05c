// Reading a feed into Hearsay (issue 10): fetch (conditional GET), parse, then each item in its
// own write transaction: episode metadata, the chosen transcript through the importer (a
// changed one through the re-import alignment that keeps host work), chapters, persons,
// soundbites. A feed that cannot be fetched or read changes nothing; an item that fails leaves
// nothing of itself and the rest goes on. Everything is compared before it is written, so an
// unchanged feed writes nothing at all. The operations (operations.ts) authorize and call this.
import 'server-only'
import { createHash } from 'node:crypto'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import { importTranscript, type ImportSummary } from '@/lib/import/import-transcript'
import { slugFromTitle } from '@/lib/import/names'
import { ok, unprocessable, type Result } from '@/lib/result'
import type { TranscriptFormat } from '@/lib/transcripts/types'
import { readTranscript } from '@/lib/transcripts/parse'
import { parseChapters, type Chapter } from './chapters'
import { chooseTranscript, transcriptKind, type TranscriptKind } from './choose-transcript'
import {
  episodeByGuid,
  episodeMetadata,
  episodesOfShow,
  freeSlug,
  insertFeedEpisode,
  setTranscriptSource,
  showByFeedUrl,
  showBySlug,
  updateEpisodeMetadata,
  writeChapters,
  writeFeedValidators,
  writePersons,
  writeShow,
  writeSoundbites,
  type StoredEpisode,
  type StoredShow,
} from './feed-store'
import { FeedParseError, type FeedItem, type ParsedFeed, type TranscriptLink } from './feed-schema'
import type { FetchLimits } from './fetch-limits'
import { parseFeed } from './parse-feed'
import { countOutcomes, type EpisodeReport, type FeedReport, type NoTranscriptReason } from './report'
import { safeFetch, type FetchFailed, type ResolveHost } from './safe-fetch'

export interface FeedRunOptions {
  allowPrivate: boolean
  limits: FetchLimits
  maxRedirects?: number
  /** Tests make a name resolve anywhere. */
  resolve?: ResolveHost
  /** Fetch the feed without its validators (If-None-Match / If-Modified-Since). */
  unconditional?: boolean
  onEpisode?: (done: number, total: number, title: string) => void
  now?: () => Date
}

/** Where the feed goes: a show that has it already, or a new (or feed-less) show. */
export type FeedTarget =
  | { kind: 'existing'; show: StoredShow; feedUrl: string }
  | { kind: 'new'; feedUrl: string; showSlug: string | null; attachTo: StoredShow | null }

const FORMAT_OF: Record<TranscriptKind, TranscriptFormat | undefined> = {
  // JSON, VTT, SRT and HTML say what they are; plain text has no layout to detect.
  json: undefined,
  vtt: undefined,
  srt: undefined,
  html: undefined,
  text: 'plain-text',
}

export async function runFeed(
  db: SqliteDatabase,
  target: FeedTarget,
  options: FeedRunOptions,
): Promise<Result<FeedReport>> {
  const feedUrl = target.feedUrl
  const existing = target.kind === 'existing' ? target.show : null
  const fetched = await safeFetch(feedUrl, {
    kind: 'feed',
    limit: options.limits.feed,
    allowPrivate: options.allowPrivate,
    maxRedirects: options.maxRedirects,
    resolve: options.resolve,
    etag: options.unconditional ? null : existing?.feedEtag,
    lastModified: options.unconditional ? null : existing?.feedLastModified,
  })
  if (fetched.status === 'failed')
    return unprocessable(`The feed ${feedUrl} could not be fetched: ${fetched.message}`)
  if (fetched.status === 'not-modified') return ok(notModifiedReport(db, existing!, feedUrl))

  let parsed: ParsedFeed
  try {
    parsed = parseFeed(fetched.body, { contentType: fetched.contentType, baseUrl: fetched.finalUrl })
  } catch (error) {
    if (error instanceof FeedParseError)
      return unprocessable(`The feed ${feedUrl} cannot be read as a podcast feed: ${error.message}`)
    throw error
  }

  const now = (options.now ?? (() => new Date()))().toISOString()
  const show = await writeShowOnce(db, () => {
    if (existing)
      return ok({
        ...writeShow(db, { id: existing.id }, parsed.channel, feedUrl, now),
        slug: existing.slug,
        created: false,
      })
    // Another add of the same feed (or to the same show) may have committed while this one fetched.
    const taken = showByFeedUrl(db, feedUrl)
    if (taken && taken.id !== (target.kind === 'new' ? target.attachTo?.id : undefined))
      return unprocessable(feedTakenMessage(taken))
    if (target.kind === 'new' && target.attachTo) {
      const current = showBySlug(db, target.attachTo.slug)
      if (current?.feedUrl && current.feedUrl !== feedUrl)
        return unprocessable(`The show “${current.title}” already has a feed (${current.feedUrl}).`)
    }
    if (target.kind === 'new' && target.attachTo)
      return ok({
        ...writeShow(db, { id: target.attachTo.id }, parsed.channel, feedUrl, now),
        slug: target.attachTo.slug,
        created: false,
      })
    const slug =
      (target.kind === 'new' && target.showSlug) ||
      freeSlug(db, 'Show', slugFromTitle(parsed.channel.title) || 'show')
    return ok({ ...writeShow(db, { slug }, parsed.channel, feedUrl, now), slug, created: true })
  })
  if (!show.ok) return show

  const context: ItemContext = {
    db,
    options,
    showId: show.value.id,
    showSlug: show.value.slug,
    language: parsed.channel.language,
    now,
  }
  const episodes: EpisodeReport[] = []
  let retry = false
  let written = show.value.written
  for (const [index, item] of parsed.items.entries()) {
    const { report, wrote, retryLater } = await importItem(context, item)
    episodes.push(report)
    written ||= wrote
    retry ||= retryLater
    options.onEpisode?.(index + 1, parsed.items.length, item.title || item.guid)
  }
  // The validators are kept only when every item went through: after a failure the next refresh
  // reads the whole feed again instead of hearing "not modified".
  if (!retry) {
    await inWriteTransaction(db, () =>
      ok(
        writeFeedValidators(
          db,
          show.value.id,
          { etag: fetched.etag, lastModified: fetched.lastModified },
          written ? now : null,
        ),
      ),
    )
  }
  const counts = countOutcomes(episodes)
  return ok({
    show: { slug: show.value.slug, title: parsed.channel.title, created: show.value.created },
    feedUrl,
    feed: 'fetched',
    episodes,
    problems: parsed.problems.map(describeProblem),
    counts,
    failed: counts.failed > 0,
  })
}

/** The show's write; a unique key that another run took meanwhile is a clear refusal, not a 500. */
async function writeShowOnce<T>(db: SqliteDatabase, write: () => Result<T>): Promise<Result<T>> {
  try {
    return await inWriteTransaction(db, write)
  } catch (error) {
    const key = uniqueViolation(error)
    if (key === null) throw error
    if (key.includes('Show.feedUrl'))
      return unprocessable(
        'That feed was added by another request at the same time; refresh its show instead.',
      )
    if (key.includes('Show.slug'))
      return unprocessable('A show with that slug was created at the same time; choose another slug.')
    return unprocessable(`The show conflicts with one written at the same time (${key}); try again.`)
  }
}

function feedTakenMessage(show: StoredShow): string {
  return `That feed is already the show “${show.title}” (${show.slug}); refresh it instead.`
}

/** The columns of a UNIQUE constraint that failed ("Episode.showId, Episode.guid"), or null for any other error. */
function uniqueViolation(error: unknown): string | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null
  return typeof message === 'string' ? message.replace(/^UNIQUE constraint failed: /, '') : 'unique key'
}

interface ItemContext {
  db: SqliteDatabase
  options: FeedRunOptions
  showId: number
  showSlug: string
  language: string | null
  now: string
}

/** The transcript as fetched and read, or why there is none this time. */
type TranscriptPlan =
  | { kind: 'import'; link: TranscriptLink; body: Buffer; hash: string; format: TranscriptFormat | undefined }
  | { kind: 'unchanged'; link: TranscriptLink }
  | { kind: 'none'; link: TranscriptLink | null; reason: NoTranscriptReason; message: string; retry: boolean }

type ChaptersPlan =
  { kind: 'write'; url: string | null; hash: string | null; list: Chapter[] } | { kind: 'keep' }

async function importItem(
  context: ItemContext,
  item: FeedItem,
): Promise<{ report: EpisodeReport; wrote: boolean; retryLater: boolean }> {
  const { db, showId } = context
  const warnings: string[] = []
  const stored = episodeByGuid(db, showId, item.guid)
  const transcript = await planTranscript(context, item, stored)
  const chapters = await planChapters(context, item, stored, warnings)
  const base: EpisodeReport = {
    guid: item.guid,
    title: item.title || item.guid,
    episodeSlug: stored?.slug ?? null,
    outcome: 'unchanged',
    reason: null,
    noTranscript: null,
    changes: [],
    transcript: transcript.link ? { url: transcript.link.url, type: transcript.link.type } : null,
    conflicts: [],
    warnings,
  }
  try {
    const written = await inWriteTransaction(db, () => ok(writeItem(context, item, transcript, chapters)))
    if (!written.ok) throw new Error(`the database refused the write (${written.failure.error})`)
    const { slug, changes, summary, existed } = written.value
    const report: EpisodeReport = {
      ...base,
      episodeSlug: slug,
      changes,
      conflicts: summary?.reimport?.conflicts ?? [],
    }
    if (transcript.kind === 'none') {
      report.noTranscript = transcript.reason
      const kept = stored && stored.sentenceCount > 0 ? '; the transcript imported earlier is kept' : ''
      report.reason = transcript.message + kept
      // Nothing offered, as before: that is no news on a refresh.
      const news = !existed || transcript.retry || transcript.reason === 'parse-failed'
      report.outcome = news ? 'no-transcript' : changes.length > 0 ? 'updated' : 'unchanged'
    } else {
      report.outcome = !existed ? 'imported' : changes.length > 0 ? 'updated' : 'unchanged'
    }
    return { report, wrote: changes.length > 0, retryLater: transcript.kind === 'none' && transcript.retry }
  } catch (error) {
    const key = uniqueViolation(error)
    const message =
      key !== null
        ? `another run wrote the same episode at the same time (${key} already taken); refresh again`
        : error instanceof Error
          ? error.message
          : String(error)
    return {
      report: {
        ...base,
        outcome: 'failed',
        reason: `nothing of this episode was written: ${message}`,
        changes: [],
      },
      wrote: false,
      retryLater: true,
    }
  }
}

/**
 * All of one item's writes; runs inside its write transaction (a throw leaves nothing). The
 * episode is read again here, under the lock: another refresh of the same feed may have written
 * it since the plan was made (then it is updated, not inserted a second time).
 */
function writeItem(
  context: ItemContext,
  item: FeedItem,
  plannedTranscript: TranscriptPlan,
  chapters: ChaptersPlan,
): { slug: string; changes: string[]; summary: ImportSummary | null; existed: boolean } {
  const { db, showId, now } = context
  const stored = episodeByGuid(db, showId, item.guid)
  const transcript = sameTranscript(stored, plannedTranscript)
    ? ({ kind: 'unchanged', link: plannedTranscript.link } as const)
    : plannedTranscript
  const metadata = episodeMetadata(item)
  const changes: string[] = []
  let episodeId: number
  let slug: string
  if (stored) {
    episodeId = stored.id
    slug = stored.slug
  } else {
    slug = freeSlug(db, 'Episode', slugFromTitle(metadata.title) || slugFromTitle(item.guid) || 'episode')
    episodeId = insertFeedEpisode(db, { ...metadata, showId, slug, guid: item.guid, now })
  }
  let summary: ImportSummary | null = null
  if (transcript.kind === 'import') {
    summary = importTranscript(
      db,
      { name: fileNameOf(transcript.link.url), content: transcript.body },
      {
        episodeSlug: slug,
        showSlug: context.showSlug,
        replace: true,
        format: transcript.format,
        source: transcript.link.url,
        now: () => new Date(now),
      },
    )
    setTranscriptSource(db, episodeId, { url: transcript.link.url, hash: transcript.hash })
    changes.push('transcript')
  }
  // After the importer, which sets the duration from the transcript: the feed's wins when it has one.
  if (updateEpisodeMetadata(db, episodeId, metadata) && stored) changes.push('metadata')
  if (chapters.kind === 'write' && writeChapters(db, episodeId, chapters) && stored) changes.push('chapters')
  // An item's own <podcast:person> list replaces the show's; none: the show's applies (no rows).
  if (writePersons(db, 'episodeId', episodeId, item.persons ?? []) && stored) changes.push('persons')
  if (writeSoundbites(db, episodeId, item.soundbites) && stored) changes.push('soundbites')
  if (!stored) changes.unshift('episode')
  return { slug, changes, summary, existed: stored !== null }
}

/** The planned import is already stored (another run imported the same bytes from the same place). */
function sameTranscript(stored: StoredEpisode | null, plan: TranscriptPlan): boolean {
  return (
    plan.kind === 'import' &&
    stored !== null &&
    stored.sentenceCount > 0 &&
    stored.transcriptHash === plan.hash &&
    stored.transcriptUrl === plan.link.url
  )
}

async function planTranscript(
  context: ItemContext,
  item: FeedItem,
  stored: StoredEpisode | null,
): Promise<TranscriptPlan> {
  const link = chooseTranscript(item.transcripts, context.language)
  if (!link) {
    if (item.transcripts.length === 0)
      return {
        kind: 'none',
        link: null,
        reason: 'none-offered',
        message: 'the feed offers no transcript for this episode',
        retry: false,
      }
    const types = [...new Set(item.transcripts.map((t) => t.type))].join(', ')
    return {
      kind: 'none',
      link: null,
      reason: 'unsupported-type',
      message: `no transcript in a type Hearsay reads (offered: ${types})`,
      retry: false,
    }
  }
  const fetched = await safeFetch(link.url, {
    kind: 'transcript',
    limit: context.options.limits.transcript,
    allowPrivate: context.options.allowPrivate,
    maxRedirects: context.options.maxRedirects,
    resolve: context.options.resolve,
  })
  if (fetched.status !== 'ok')
    return {
      kind: 'none',
      link,
      reason: 'fetch-failed',
      message: fetchMessage('transcript', link.url, fetched),
      retry: true,
    }
  const hash = sha256(fetched.body)
  if (stored && stored.transcriptHash === hash && stored.sentenceCount > 0) {
    // The same bytes (maybe at a moved URL): nothing to import.
    return stored.transcriptUrl === link.url
      ? { kind: 'unchanged', link }
      : { kind: 'import', link, body: fetched.body, hash, format: undefined }
  }
  const format = FORMAT_OF[transcriptKind(link.type)!]
  // Read before the write transaction, so a file that fails to parse is a reason, not a rollback.
  try {
    const transcript = readTranscript(fetched.body, format)
    if (!transcript.segments.some((segment) => segment.sentences.length > 0))
      return {
        kind: 'none',
        link,
        reason: 'parse-failed',
        message: `the transcript at ${link.url} holds no sentences`,
        retry: false,
      }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      kind: 'none',
      link,
      reason: 'parse-failed',
      message: `the transcript at ${link.url} (${link.type}) cannot be read: ${message}`,
      retry: false,
    }
  }
  return { kind: 'import', link, body: fetched.body, hash, format }
}

async function planChapters(
  context: ItemContext,
  item: FeedItem,
  stored: StoredEpisode | null,
  warnings: string[],
): Promise<ChaptersPlan> {
  if (!item.chapters) return { kind: 'write', url: null, hash: null, list: [] }
  const fetched = await safeFetch(item.chapters.url, {
    kind: 'chapters',
    limit: context.options.limits.chapters,
    allowPrivate: context.options.allowPrivate,
    maxRedirects: context.options.maxRedirects,
    resolve: context.options.resolve,
  })
  if (fetched.status !== 'ok') {
    warnings.push(`${fetchMessage('chapters', item.chapters.url, fetched)}; chapters left as they were`)
    return { kind: 'keep' }
  }
  const hash = sha256(fetched.body)
  if (stored && stored.chaptersUrl === item.chapters.url && stored.chaptersHash === hash)
    return { kind: 'keep' }
  try {
    const parsed = parseChapters(fetched.body, item.chapters.url)
    warnings.push(...parsed.problems.map((problem) => `chapters: ${problem}`))
    return { kind: 'write', url: item.chapters.url, hash, list: parsed.chapters }
  } catch (error) {
    warnings.push(
      `the chapters at ${item.chapters.url} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    )
    return { kind: 'keep' }
  }
}

/** After a 304 nothing is read: every stored episode is unchanged. */
function notModifiedReport(db: SqliteDatabase, show: StoredShow, feedUrl: string): FeedReport {
  const episodes: EpisodeReport[] = episodesOfShow(db, show.id).map((episode) => ({
    guid: episode.guid ?? episode.slug,
    title: episode.title,
    episodeSlug: episode.slug,
    outcome: 'unchanged',
    reason: null,
    noTranscript: null,
    changes: [],
    transcript: null,
    conflicts: [],
    warnings: [],
  }))
  return {
    show: { slug: show.slug, title: show.title, created: false },
    feedUrl,
    feed: 'not-modified',
    episodes,
    problems: [],
    counts: countOutcomes(episodes),
    failed: false,
  }
}

/** "item 3 (guid-or-title): message", or the message alone for the channel. */
function describeProblem(problem: ParsedFeed['problems'][number]): string {
  if (problem.item == null) return problem.message
  return `item ${problem.item}${problem.label ? ` (${problem.label})` : ''}: ${problem.message}`
}

function fetchMessage(what: string, url: string, failed: FetchFailed | { status: 'not-modified' }): string {
  return failed.status === 'failed'
    ? `the ${what} at ${url} could not be fetched: ${failed.message}`
    : `the ${what} at ${url} answered 304`
}

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? ''
  let name: string
  try {
    name = decodeURIComponent(last)
  } catch {
    // A feed may carry a malformed escape (%E0); the name is only for reports.
    name = last
  }
  return name || 'transcript'
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
