// The shape of a parsed podcast feed: what the rest of Hearsay reads from a feed, validated with
// zod after feedsmith has read the XML. Times are integer milliseconds; URLs are absolute http(s).
import { z } from 'zod'

const HttpUrl = z.url({ protocol: /^https?$/ })

export const PersonSchema = z.object({
  name: z.string().min(1),
  /** Podcasting 2.0 taxonomy; the spec's defaults are role "host", group "cast". */
  role: z.string().min(1),
  group: z.string().min(1),
  imageUrl: HttpUrl.nullable(),
  href: HttpUrl.nullable(),
})

export const TranscriptLinkSchema = z.object({
  url: HttpUrl,
  /** MIME type as the feed says it (text/vtt, application/json, application/x-subrip, text/html, text/plain). */
  type: z.string().min(1),
  /** null: the feed's <language> applies (spec). */
  language: z.string().min(1).nullable(),
  /** "captions" when the file is closed captions (time codes present). */
  rel: z.string().min(1).nullable(),
})

export const ChaptersLinkSchema = z.object({ url: HttpUrl, type: z.string().min(1) })

export const SoundbiteSchema = z.object({
  startMs: z.number().int().nonnegative(),
  durationMs: z.number().int().positive(),
  title: z.string().min(1).nullable(),
})

export const EnclosureSchema = z.object({
  url: HttpUrl,
  type: z.string().min(1).nullable(),
  /** The enclosure's length attribute; null when missing, zero or not a number. */
  bytes: z.number().int().positive().nullable(),
})

export const DescriptionSchema = z.object({
  untrustedHtml: z.string(),
  html: z.string(),
  text: z.string(),
})

export const FeedItemSchema = z.object({
  /** The item's identity: its <guid>, or its enclosure URL when it has none. */
  guid: z.string().min(1),
  guidSource: z.enum(['guid', 'enclosure']),
  title: z.string(),
  description: DescriptionSchema,
  link: HttpUrl.nullable(),
  publishedAt: z.date().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  enclosure: EnclosureSchema.nullable(),
  artworkUrl: HttpUrl.nullable(),
  season: z.number().int().nonnegative().nullable(),
  episodeNumber: z.number().int().nonnegative().nullable(),
  /** full | trailer | bonus (itunes:episodeType), when the feed says. */
  episodeType: z.string().min(1).nullable(),
  transcripts: z.array(TranscriptLinkSchema),
  chapters: ChaptersLinkSchema.nullable(),
  /** The item's own <podcast:person> list, which replaces the channel's; null: none, use the channel's. */
  persons: z.array(PersonSchema).nullable(),
  soundbites: z.array(SoundbiteSchema),
})

export const FeedChannelSchema = z.object({
  title: z.string().min(1),
  description: DescriptionSchema,
  artworkUrl: HttpUrl.nullable(),
  link: HttpUrl.nullable(),
  /** RSS <language>, lowercased ("en", "en-gb"). */
  language: z.string().min(1).nullable(),
  author: z.string().min(1).nullable(),
  persons: z.array(PersonSchema),
})

/** Something wrong with one item (or the channel) that did not stop the feed from being read. */
export const FeedProblemSchema = z.object({
  /** 1-based position of the item in the feed; null for the channel. */
  item: z.number().int().positive().nullable(),
  /** The item's guid or title, to name it in a report. */
  label: z.string().nullable(),
  message: z.string().min(1),
})

export const ParsedFeedSchema = z.object({
  channel: FeedChannelSchema,
  /** In feed order, each guid once. */
  items: z.array(FeedItemSchema),
  problems: z.array(FeedProblemSchema),
})

export type Person = z.infer<typeof PersonSchema>
export type TranscriptLink = z.infer<typeof TranscriptLinkSchema>
export type Soundbite = z.infer<typeof SoundbiteSchema>
export type Enclosure = z.infer<typeof EnclosureSchema>
export type Description = z.infer<typeof DescriptionSchema>
export type FeedItem = z.infer<typeof FeedItemSchema>
export type FeedChannel = z.infer<typeof FeedChannelSchema>
export type FeedProblem = z.infer<typeof FeedProblemSchema>
export type ParsedFeed = z.infer<typeof ParsedFeedSchema>

/** A document that cannot be read as a podcast feed at all. */
export class FeedParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FeedParseError'
  }
}
