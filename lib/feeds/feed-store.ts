// The raw SQL of shows and episodes from feeds: channel fields, item metadata, chapters, persons
// and soundbites. Every write compares first and writes only what differs, so refreshing an
// unchanged feed writes nothing. Called inside one write transaction per show or episode
// (lib/feeds/import-feed.ts); the transcript itself goes through the importer.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { hostEditedColumns } from '@/lib/episodes/episode-store'
import { statement } from '@/lib/db/statements'
import type { Chapter } from './chapters'
import type { FeedChannel, FeedItem, Person, Soundbite } from './feed-schema'

export interface StoredShow {
  id: number
  slug: string
  title: string
  feedUrl: string | null
  feedEtag: string | null
  feedLastModified: string | null
}

const SHOW_COLUMNS = `id, slug, title, feedUrl, feedEtag, feedLastModified`

export function showBySlug(db: SqliteDatabase, slug: string): StoredShow | null {
  return (statement(db, `SELECT ${SHOW_COLUMNS} FROM Show WHERE slug = ?`).get(slug) as StoredShow) ?? null
}

export function showByFeedUrl(db: SqliteDatabase, feedUrl: string): StoredShow | null {
  return (
    (statement(db, `SELECT ${SHOW_COLUMNS} FROM Show WHERE feedUrl = ?`).get(feedUrl) as StoredShow) ?? null
  )
}

export function showsWithFeeds(db: SqliteDatabase): StoredShow[] {
  return statement(
    db,
    `SELECT ${SHOW_COLUMNS} FROM Show WHERE feedUrl IS NOT NULL ORDER BY id`,
  ).all() as StoredShow[]
}

/** A slug no row of `table` has yet: `base`, else `base-2`, `base-3`… */
export function freeSlug(db: SqliteDatabase, table: 'Show' | 'Episode', base: string): string {
  const taken = statement(db, `SELECT 1 FROM ${table} WHERE slug = ?`)
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (!taken.get(slug)) return slug
  }
}

interface ShowFields {
  title: string
  description: string
  artworkUrl: string | null
  link: string | null
  language: string | null
  author: string | null
  feedUrl: string
}

function showFields(channel: FeedChannel, feedUrl: string): ShowFields {
  return {
    title: channel.title,
    description: channel.description.text,
    artworkUrl: channel.artworkUrl,
    link: channel.link,
    language: channel.language,
    author: channel.author,
    feedUrl,
  }
}

/** Creates the show or brings its channel fields and cast up to date; true when anything was written. */
export function writeShow(
  db: SqliteDatabase,
  target: { id: number } | { slug: string },
  channel: FeedChannel,
  feedUrl: string,
  now: string,
): { id: number; written: boolean } {
  const fields = showFields(channel, feedUrl)
  let id: number
  let written = false
  if ('slug' in target) {
    id = Number(
      statement(
        db,
        `INSERT INTO Show (slug, title, description, artworkUrl, link, language, author, feedUrl, createdAt)
         VALUES (@slug, @title, @description, @artworkUrl, @link, @language, @author, @feedUrl, @now)`,
      ).run({ ...fields, slug: target.slug, now }).lastInsertRowid,
    )
    written = true
  } else {
    id = target.id
    const stored = statement(
      db,
      `SELECT title, description, artworkUrl, link, language, author, feedUrl FROM Show WHERE id = ?`,
    ).get(id) as ShowFields
    if (!sameFields(stored, fields)) {
      statement(
        db,
        `UPDATE Show SET title = @title, description = @description, artworkUrl = @artworkUrl, link = @link,
           language = @language, author = @author, feedUrl = @feedUrl WHERE id = @id`,
      ).run({ ...fields, id })
      written = true
    }
  }
  if (writePersons(db, 'showId', id, channel.persons)) written = true
  return { id, written }
}

/** Keeps the feed's validators for the next conditional GET; writes only when they changed. */
export function writeFeedValidators(
  db: SqliteDatabase,
  showId: number,
  validators: { etag: string | null; lastModified: string | null },
  refreshedAt: string | null,
): boolean {
  const result = statement(
    db,
    `UPDATE Show SET feedEtag = @etag, feedLastModified = @lastModified,
       lastRefreshedAt = coalesce(@refreshedAt, lastRefreshedAt)
     WHERE id = @showId AND (feedEtag IS NOT @etag OR feedLastModified IS NOT @lastModified OR @refreshedAt IS NOT NULL)`,
  ).run({ ...validators, showId, refreshedAt })
  return result.changes > 0
}

export interface StoredEpisode {
  id: number
  slug: string
  title: string
  transcriptUrl: string | null
  transcriptHash: string | null
  chaptersUrl: string | null
  chaptersHash: string | null
  sentenceCount: number
}

export function episodeByGuid(db: SqliteDatabase, showId: number, guid: string): StoredEpisode | null {
  const row = statement(
    db,
    `SELECT e.id, e.slug, e.title, e.transcriptUrl, e.transcriptHash, e.chaptersUrl, e.chaptersHash,
       (SELECT count(*) FROM Sentence WHERE episodeId = e.id) AS sentenceCount
     FROM Episode e WHERE e.showId = ? AND e.guid = ?`,
  ).get(showId, guid) as StoredEpisode | undefined
  return row ?? null
}

/** The episodes of a show in the order a report lists them (newest first). */
export function episodesOfShow(
  db: SqliteDatabase,
  showId: number,
): Array<{ slug: string; title: string; guid: string | null; hasTranscript: number }> {
  return statement(
    db,
    `SELECT e.slug, e.title, e.guid, EXISTS (SELECT 1 FROM Sentence WHERE episodeId = e.id) AS hasTranscript
     FROM Episode e WHERE e.showId = ? ORDER BY e.publishedAt DESC, e.id`,
  ).all(showId) as Array<{ slug: string; title: string; guid: string | null; hasTranscript: number }>
}

export interface EpisodeMetadata {
  title: string
  description: string
  descriptionHtml: string
  publishedAt: string | null
  durationMs: number | null
  audioUrl: string | null
  audioType: string | null
  audioBytes: number | null
  artworkUrl: string | null
  season: number | null
  episodeNumber: number | null
}

export function episodeMetadata(item: FeedItem): EpisodeMetadata {
  return {
    title: item.title || item.guid,
    description: item.description.text,
    descriptionHtml: item.description.html,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    durationMs: item.durationMs,
    audioUrl: item.enclosure?.url ?? null,
    audioType: item.enclosure?.type ?? null,
    audioBytes: item.enclosure?.bytes ?? null,
    artworkUrl: item.artworkUrl,
    season: item.season,
    episodeNumber: item.episodeNumber,
  }
}

export function insertFeedEpisode(
  db: SqliteDatabase,
  episode: EpisodeMetadata & { showId: number; slug: string; guid: string; now: string },
): number {
  return Number(
    statement(
      db,
      `INSERT INTO Episode (showId, slug, guid, title, description, descriptionHtml, publishedAt, durationMs, audioUrl,
         audioType, audioBytes, artworkUrl, season, episodeNumber, createdAt)
       VALUES (@showId, @slug, @guid, @title, @description, @descriptionHtml, @publishedAt, @durationMs, @audioUrl,
         @audioType, @audioBytes, @artworkUrl, @season, @episodeNumber, @now)`,
    ).run(episode).lastInsertRowid,
  )
}

const METADATA_COLUMNS = `title, description, descriptionHtml, publishedAt, durationMs, audioUrl, audioType, audioBytes,
  artworkUrl, season, episodeNumber`

/**
 * Brings an episode's feed metadata up to date; true when it changed. A null duration keeps
 * what the transcript said; publish dates compare as instants (the importer's text may differ).
 * What a host set by hand in the studio (Episode.hostEditedFields) stays as the host left it:
 * the feed's title does not overwrite a corrected one.
 */
export function updateEpisodeMetadata(
  db: SqliteDatabase,
  episodeId: number,
  metadata: EpisodeMetadata,
): boolean {
  const { hostEditedFields, ...stored } = statement(
    db,
    `SELECT ${METADATA_COLUMNS}, hostEditedFields FROM Episode WHERE id = ?`,
  ).get(episodeId) as EpisodeMetadata & { hostEditedFields: string }
  const hostColumns = hostEditedColumns(hostEditedFields).filter((column) => Object.hasOwn(stored, column))
  // A host's description replaced the feed's formatted one too (lib/episodes/episode-store.ts).
  if (hostColumns.includes('description')) hostColumns.push('descriptionHtml')
  const wanted: EpisodeMetadata = {
    ...metadata,
    durationMs: metadata.durationMs ?? stored.durationMs,
    ...Object.fromEntries(hostColumns.map((column) => [column, stored[column as keyof EpisodeMetadata]])),
  }
  const sameDate = instant(stored.publishedAt) === instant(wanted.publishedAt)
  if (sameDate && sameFields({ ...stored, publishedAt: null }, { ...wanted, publishedAt: null })) return false
  statement(
    db,
    `UPDATE Episode SET title = @title, description = @description, descriptionHtml = @descriptionHtml,
       publishedAt = @publishedAt, durationMs = @durationMs, audioUrl = @audioUrl, audioType = @audioType,
       audioBytes = @audioBytes, artworkUrl = @artworkUrl, season = @season, episodeNumber = @episodeNumber
     WHERE id = @id`,
  ).run({ ...wanted, id: episodeId })
  return true
}

export function setTranscriptSource(
  db: SqliteDatabase,
  episodeId: number,
  source: { url: string; hash: string },
): boolean {
  return (
    statement(
      db,
      `UPDATE Episode SET transcriptUrl = @url, transcriptHash = @hash
       WHERE id = @id AND (transcriptUrl IS NOT @url OR transcriptHash IS NOT @hash)`,
    ).run({ ...source, id: episodeId }).changes > 0
  )
}

/** Replaces the episode's chapters (and remembers the file they came from) when they differ. */
export function writeChapters(
  db: SqliteDatabase,
  episodeId: number,
  chapters: { url: string | null; hash: string | null; list: readonly Chapter[] },
): boolean {
  const stored = statement(
    db,
    `SELECT startMs, endMs, title, imageUrl, url, toc FROM Chapter WHERE episodeId = ? ORDER BY startMs, id`,
  ).all(episodeId) as Array<Omit<Chapter, 'toc'> & { toc: number }>
  const wanted = chapters.list.map((chapter) => ({ ...chapter, toc: chapter.toc ? 1 : 0 }))
  let written = false
  if (JSON.stringify(stored) !== JSON.stringify(wanted.map(chapterColumns))) {
    statement(db, `DELETE FROM Chapter WHERE episodeId = ?`).run(episodeId)
    const insert = statement(
      db,
      `INSERT INTO Chapter (episodeId, startMs, endMs, title, imageUrl, url, toc)
       VALUES (@episodeId, @startMs, @endMs, @title, @imageUrl, @url, @toc)`,
    )
    for (const chapter of wanted) insert.run({ ...chapterColumns(chapter), episodeId })
    written = true
  }
  const source = statement(
    db,
    `UPDATE Episode SET chaptersUrl = @url, chaptersHash = @hash
     WHERE id = @id AND (chaptersUrl IS NOT @url OR chaptersHash IS NOT @hash)`,
  ).run({ url: chapters.url, hash: chapters.hash, id: episodeId })
  return written || source.changes > 0
}

function chapterColumns(chapter: Omit<Chapter, 'toc'> & { toc: number }) {
  return {
    startMs: chapter.startMs,
    endMs: chapter.endMs,
    title: chapter.title,
    imageUrl: chapter.imageUrl,
    url: chapter.url,
    toc: chapter.toc,
  }
}

/**
 * The show's cast (owner 'showId') or an episode's own (owner 'episodeId'; an empty list:
 * the episode uses the show's). Replaced as a whole when it differs.
 */
export function writePersons(
  db: SqliteDatabase,
  owner: 'showId' | 'episodeId',
  id: number,
  persons: readonly Person[],
): boolean {
  const stored = statement(
    db,
    `SELECT name, role, "group", imageUrl, href FROM Person WHERE ${owner} = ? ORDER BY position`,
  ).all(id) as Person[]
  const wanted = persons.map((p) => ({
    name: p.name,
    role: p.role,
    group: p.group,
    imageUrl: p.imageUrl,
    href: p.href,
  }))
  if (JSON.stringify(stored) === JSON.stringify(wanted)) return false
  statement(db, `DELETE FROM Person WHERE ${owner} = ?`).run(id)
  const insert = statement(
    db,
    `INSERT INTO Person (${owner}, position, name, role, "group", imageUrl, href)
     VALUES (@id, @position, @name, @role, @group, @imageUrl, @href)`,
  )
  wanted.forEach((person, position) => insert.run({ ...person, id, position }))
  return true
}

export function writeSoundbites(
  db: SqliteDatabase,
  episodeId: number,
  soundbites: readonly Soundbite[],
): boolean {
  const stored = statement(
    db,
    `SELECT startMs, durationMs, title FROM Soundbite WHERE episodeId = ? ORDER BY startMs, id`,
  ).all(episodeId)
  const wanted = [...soundbites]
    .sort((a, b) => a.startMs - b.startMs)
    .map((s) => ({ startMs: s.startMs, durationMs: s.durationMs, title: s.title }))
  if (JSON.stringify(stored) === JSON.stringify(wanted)) return false
  statement(db, `DELETE FROM Soundbite WHERE episodeId = ?`).run(episodeId)
  const insert = statement(
    db,
    `INSERT INTO Soundbite (episodeId, startMs, durationMs, title) VALUES (@episodeId, @startMs, @durationMs, @title)`,
  )
  for (const soundbite of wanted) insert.run({ ...soundbite, episodeId })
  return true
}

function sameFields<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as Array<keyof T>).every((key) => a[key] === b[key])
}

function instant(date: string | null): number | null {
  return date == null ? null : new Date(date).getTime()
}
