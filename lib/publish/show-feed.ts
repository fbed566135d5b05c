// A Podcasting 2.0 RSS feed of a show (GET /shows/:slug/feed.xml): its episodes with their
// audio and a <podcast:transcript> per published format, pointing at the corrected transcripts.
// A host can point an app at it, or copy its tags. Built with fast-xml-parser's XMLBuilder,
// which escapes text and attributes; characters XML 1.0 cannot hold at all are dropped first.
import { XMLBuilder } from 'fast-xml-parser'
import { publishedTranscripts, showFeedUrl } from './published-transcripts'
import { hasTranscript, type PublishedEpisode, type ShowPublication } from './show-publication'

export const FEED_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'

const NAMESPACES = {
  '@_xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  '@_xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
}

/** XML 1.0 allows tab, newline, carriage return and U+0020 up, less surrogates and U+FFFE/F. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

function xmlText(value: string): string {
  return value.replace(NOT_XML, '')
}

/** An http(s) URL, made absolute against the site (uploaded audio is served from a path). */
function absoluteUrl(value: string | null, origin: string): string | null {
  if (!value) return null
  try {
    const url = new URL(value, origin)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function item(episode: PublishedEpisode, show: ShowPublication, origin: string) {
  const link = new URL(`/episodes/${encodeURIComponent(episode.slug)}`, origin).href
  const audio = absoluteUrl(episode.audioUrl, origin)
  const artwork = absoluteUrl(episode.artworkUrl, origin)
  return {
    title: xmlText(episode.title),
    // A feed's own guid stays the episode's identity; an episode made here gets a stable one.
    guid: {
      '@_isPermaLink': 'false',
      '#text': xmlText(episode.guid ?? `hearsay:episode:${episode.slug}`),
    },
    link,
    description: xmlText(episode.description),
    ...(episode.publishedAt ? { pubDate: episode.publishedAt.toUTCString() } : {}),
    ...(audio
      ? {
          enclosure: {
            '@_url': audio,
            '@_length': String(episode.audioBytes ?? 0),
            '@_type': xmlText(episode.audioType ?? 'audio/mpeg'),
          },
        }
      : {}),
    ...(episode.durationMs != null
      ? { 'itunes:duration': String(Math.round(episode.durationMs / 1000)) }
      : {}),
    ...(artwork ? { 'itunes:image': { '@_href': artwork } } : {}),
    ...(episode.season != null ? { 'itunes:season': String(episode.season) } : {}),
    ...(episode.episodeNumber != null ? { 'itunes:episode': String(episode.episodeNumber) } : {}),
    ...(hasTranscript(episode)
      ? {
          'podcast:transcript': publishedTranscripts(origin, episode.slug).map((transcript) => ({
            '@_url': transcript.url,
            '@_type': transcript.type,
            ...(show.language ? { '@_language': xmlText(show.language) } : {}),
          })),
        }
      : {}),
  }
}

/** The feed's XML. `origin` is the site's public origin (absolute URLs for podcast apps). */
export function buildShowFeed(show: ShowPublication, origin: string): string {
  const self = showFeedUrl(origin, show.slug)
  const artwork = absoluteUrl(show.artworkUrl, origin)
  const channel = {
    title: xmlText(show.title),
    link: absoluteUrl(show.link, origin) ?? new URL(`/shows/${encodeURIComponent(show.slug)}`, origin).href,
    description: xmlText(show.description),
    'atom:link': { '@_href': self, '@_rel': 'self', '@_type': 'application/rss+xml' },
    ...(show.language ? { language: xmlText(show.language) } : {}),
    generator: 'Hearsay',
    ...(show.author ? { 'itunes:author': xmlText(show.author) } : {}),
    ...(artwork ? { 'itunes:image': { '@_href': artwork } } : {}),
    item: show.episodes.map((episode) => item(episode, show, origin)),
  }
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    format: true,
    suppressEmptyNode: true,
    processEntities: true,
  })
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: { '@_version': '2.0', ...NAMESPACES, channel },
  })
}
