// An RSS podcast feed (with iTunes and Podcasting 2.0 tags) to a validated ParsedFeed. The XML
// is read by feedsmith (never by regexes); this file picks what Hearsay needs, resolves URLs
// against the feed's own URL, and turns what is wrong with one item into a problem for the
// report instead of a failure of the whole feed. A document that is not a feed at all (not
// XML, malformed XML, not RSS, no channel title) throws FeedParseError.
import { parseRssFeed, type RssFeed, type PodcastNs } from 'feedsmith'
import { readDescription } from './description'
import { parseItunesDuration } from './duration'
import { checkRssDocument, decodeFeedBytes, rawItemDurations } from './feed-document'
import {
  FeedParseError,
  ParsedFeedSchema,
  type Enclosure,
  type FeedItem,
  type FeedProblem,
  type ParsedFeed,
  type Person,
  type Soundbite,
  type TranscriptLink,
} from './feed-schema'

type RawItem = RssFeed.Item<string>

export interface ParseFeedOptions {
  /** The URL the feed came from (after redirects): relative URLs in it resolve against this. */
  baseUrl?: string
  /** The Content-Type header, whose charset decides how bytes are decoded. */
  contentType?: string | null
}

/** Parses a podcast feed. Throws FeedParseError for a document that is not a usable RSS feed. */
export function parseFeed(content: string | Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  const text = typeof content === 'string' ? content : decodeFeedBytes(content, options.contentType)
  checkRssDocument(text)
  let feed: RssFeed.Feed<string>
  try {
    feed = parseRssFeed(text)
  } catch (error) {
    throw new FeedParseError(`not an RSS feed: ${error instanceof Error ? error.message : String(error)}`)
  }
  const problems: FeedProblem[] = []
  const url = urlReader(options.baseUrl, problems)
  const title = feed.title?.trim() || feed.itunes?.title?.trim()
  if (!title) throw new FeedParseError('not a podcast feed: the channel has no <title>')
  const channel = {
    title,
    description: readDescription(feed.description ?? feed.itunes?.summary),
    artworkUrl: url(feed.itunes?.image ?? feed.image?.url, null, 'artwork'),
    link: url(feed.link, null, 'link'),
    language: feed.language?.trim().toLowerCase() || null,
    author: feed.itunes?.author?.trim() || feed.dc?.creators?.[0]?.trim() || null,
    persons: readPersons(feed.podcast?.persons, url, null) ?? [],
  }
  const rawDurations = rawItemDurations(text)
  // Feedsmith keeps every <item> that has any content; if it ever drops one, positions would
  // no longer match and its (whole-second) durations are used instead.
  const durationsMatch = rawDurations.length === (feed.items?.length ?? 0)
  const items: FeedItem[] = []
  const seen = new Map<string, number>()
  ;(feed.items ?? []).forEach((raw, index) => {
    const position = index + 1
    const rawDuration = durationsMatch ? rawDurations[index] : raw.itunes?.duration?.toString()
    const item = readItem(raw, position, rawDuration ?? null, url, problems)
    if (item == null) return
    const first = seen.get(item.guid)
    if (first != null) {
      problems.push({
        item: position,
        label: item.guid,
        message: `duplicate guid "${item.guid}": item ${position} ("${item.title}") skipped; item ${first} has it too`,
      })
      return
    }
    seen.set(item.guid, position)
    items.push(item)
  })
  return ParsedFeedSchema.parse({ channel, items, problems })
}

type UrlReader = (raw: string | undefined | null, item: number | null, what: string) => string | null

/** Resolves a URL from the feed (relative ones against baseUrl); anything but http(s) is a problem. */
function urlReader(baseUrl: string | undefined, problems: FeedProblem[]): UrlReader {
  return (raw, item, what) => {
    const text = raw?.trim()
    if (!text) return null
    let url: URL
    try {
      url = new URL(text, baseUrl)
    } catch {
      problems.push({ item, label: null, message: `${what} URL "${text}" is not a valid URL; ignored` })
      return null
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push({ item, label: null, message: `${what} URL "${text}" is not http(s); ignored` })
      return null
    }
    return url.href
  }
}

function readItem(
  raw: RawItem,
  position: number,
  rawDuration: string | null,
  url: UrlReader,
  problems: FeedProblem[],
): FeedItem | null {
  const title = raw.title?.trim() || raw.itunes?.title?.trim() || ''
  const enclosure = readEnclosure(raw, position, url)
  const guidText = raw.guid?.value?.trim()
  const guid = guidText || enclosure?.url
  const label = guid ?? (title || null)
  const problem = (message: string) => problems.push({ item: position, label, message })
  if (!guid) {
    problem(
      `item ${position}${title ? ` ("${title}")` : ''} has neither a <guid> nor an enclosure URL; skipped`,
    )
    return null
  }
  const published = readDate(raw.pubDate ?? raw.dc?.dates?.[0])
  if (!published.ok) problem(published.message)
  const duration = parseItunesDuration(rawDuration)
  if (!duration.ok) problem(duration.message)
  return {
    guid,
    guidSource: guidText ? 'guid' : 'enclosure',
    title: title || guid,
    description: readDescription(raw.content?.encoded ?? raw.description ?? raw.itunes?.summary),
    link: url(raw.link, position, 'link'),
    publishedAt: published.ok ? published.date : null,
    durationMs: duration.ok ? duration.ms : null,
    enclosure,
    artworkUrl: url(raw.itunes?.image ?? raw.podcast?.images?.[0]?.href, position, 'artwork'),
    season: wholeNumber(raw.podcast?.season?.number ?? raw.itunes?.season),
    episodeNumber: wholeNumber(raw.podcast?.episode?.number ?? raw.itunes?.episode),
    episodeType: raw.itunes?.episodeType?.trim().toLowerCase() || null,
    transcripts: readTranscripts(raw.podcast?.transcripts, position, url),
    chapters: readChapters(raw.podcast?.chapters, position, url),
    persons: readPersons(raw.podcast?.persons, url, position),
    soundbites: readSoundbites(raw.podcast?.soundbites, position, label, problems),
  }
}

function readEnclosure(raw: RawItem, position: number, url: UrlReader): Enclosure | null {
  const enclosure = raw.enclosures?.[0]
  const href = url(enclosure?.url, position, 'enclosure')
  if (enclosure == null || href == null) return null
  const bytes = enclosure.length
  return {
    url: href,
    type: enclosure.type?.trim() || null,
    bytes: bytes != null && Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null,
  }
}

type DateReading = { ok: true; date: Date | null } | { ok: false; message: string }

/** RFC 822 dates as RSS has them (and ISO 8601, which some feeds use); anything else is a problem. */
function readDate(raw: string | undefined): DateReading {
  const text = raw?.trim()
  if (!text) return { ok: true, date: null }
  const time = Date.parse(text)
  if (Number.isNaN(time)) return { ok: false, message: `publish date "${text}" is not a date; left empty` }
  return { ok: true, date: new Date(time) }
}

function readTranscripts(
  raw: Array<PodcastNs.Transcript> | undefined,
  position: number,
  url: UrlReader,
): TranscriptLink[] {
  return (raw ?? []).flatMap((transcript) => {
    const href = url(transcript.url, position, 'transcript')
    const type = transcript.type?.trim().toLowerCase()
    if (href == null || !type) return []
    return [
      {
        url: href,
        type: type.split(';')[0]!.trim(),
        language: transcript.language?.trim().toLowerCase() || null,
        rel: transcript.rel?.trim().toLowerCase() || null,
      },
    ]
  })
}

function readChapters(raw: PodcastNs.Chapters | undefined, position: number, url: UrlReader) {
  const href = url(raw?.url, position, 'chapters')
  if (raw == null || href == null) return null
  return { url: href, type: raw.type?.trim().toLowerCase() || 'application/json+chapters' }
}

/** Persons with a name; null when there are none (for an item: use the channel's list). */
function readPersons(
  raw: Array<PodcastNs.Person> | undefined,
  url: UrlReader,
  position: number | null,
): Person[] | null {
  const persons = (raw ?? []).flatMap((person) => {
    const name = person.display?.trim()
    if (!name) return []
    return [
      {
        name,
        role: person.role?.trim().toLowerCase() || 'host',
        group: person.group?.trim().toLowerCase() || 'cast',
        imageUrl: url(person.img, position, 'person image'),
        href: url(person.href, position, 'person link'),
      },
    ]
  })
  return persons.length > 0 ? persons : null
}

function readSoundbites(
  raw: Array<PodcastNs.Soundbite> | undefined,
  position: number,
  label: string | null,
  problems: FeedProblem[],
): Soundbite[] {
  return (raw ?? []).flatMap((soundbite) => {
    const { startTime, duration } = soundbite
    if (startTime == null || duration == null || !(startTime >= 0) || !(duration > 0)) {
      problems.push({
        item: position,
        label,
        message: `soundbite without a valid startTime and duration (${startTime ?? '?'}, ${duration ?? '?'}); ignored`,
      })
      return []
    }
    return [
      {
        startMs: Math.round(startTime * 1000),
        durationMs: Math.max(1, Math.round(duration * 1000)),
        title: soundbite.display?.trim() || null,
      },
    ]
  })
}

function wholeNumber(value: number | undefined): number | null {
  return value != null && Number.isSafeInteger(value) && value >= 0 ? value : null
}
