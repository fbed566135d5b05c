// The data layer of stored episode audio: store an uploaded (or copied) file as an episode's
// audio, forget it, and find it again to serve. Callers authorize first (a host's operation, the
// demo seed); nothing here checks who asks. The file is written under a temporary name, counted
// against the size cap while it streams, then renamed into place, so a reader never sees half a
// file and a refused upload leaves nothing behind. The stored name comes from the MIME type
// (`audio.<ext>`), never from the uploaded file's name.
import 'server-only'
import { randomBytes } from 'node:crypto'
import { createWriteStream, copyFileSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Readable, Transform } from 'node:stream'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import { env } from '@/lib/env'
import { ACCEPTED_AUDIO_TYPES, audioExtension, audioMimeType, servedAudioType } from '@/lib/media/audio-types'
import { episodeMediaFolder, storedAudioPath } from '@/lib/media/media-folder'
import { invalid, notFound, ok, type Result } from '@/lib/result'

export interface StoredAudio {
  episodeId: number
  /** The stored file's name in the episode's media folder (`audio.mp3`). */
  audioFile: string
  audioType: string
  audioBytes: number
}

export type AudioContent = Blob | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>

export interface AudioUpload {
  episodeId: number
  /** The audio: an uploaded File (a Blob), bytes, or a stream of bytes. */
  content: AudioContent
  /** Its MIME type (the upload's `type`); one of ACCEPTED_AUDIO_TYPES. */
  type: string
  /** Default: AUDIO_MAX_BYTES. */
  maxBytes?: number
}

class TooLarge extends Error {}

/** "300 MB" for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 100_000) / 10} MB`
  if (bytes >= 1_000) return `${Math.round(bytes / 100) / 10} kB`
  return `${bytes} bytes`
}

function tooLarge(maxBytes: number): Result<never> {
  const message = `The audio file is larger than the limit of ${formatBytes(maxBytes)} (AUDIO_MAX_BYTES).`
  return invalid(message, { audio: [message] })
}

function unknownType(type: string): Result<never> {
  const message = `Audio of type "${type.slice(0, 60) || 'unknown'}" cannot be stored; use MP3, M4A/AAC, Ogg/Opus, WebM, WAV or FLAC.`
  return invalid(message, { audio: [message] })
}

function episodeExists(sqlite: SqliteDatabase, episodeId: number): boolean {
  return sqlite.prepare(`SELECT 1 FROM Episode WHERE id = ?`).get(episodeId) !== undefined
}

function toNodeStream(content: AudioContent): Readable {
  if (content instanceof Uint8Array) return Readable.from([content])
  if (typeof Blob !== 'undefined' && content instanceof Blob)
    return Readable.fromWeb(content.stream() as import('node:stream/web').ReadableStream)
  if (typeof (content as ReadableStream).getReader === 'function')
    return Readable.fromWeb(content as import('node:stream/web').ReadableStream)
  return Readable.from(content as AsyncIterable<Uint8Array>)
}

/**
 * Stores `content` as the episode's audio (replacing any stored before) and records it on the
 * episode: audioFile, audioType, audioBytes. The episode's audioUrl is left alone; a stored file
 * is played instead of it (lib/media/audio-source.ts). Refuses (400, fieldErrors.audio) an
 * unknown type and a file over the cap, writing nothing; 404 for an unknown episode.
 */
export async function setEpisodeAudioFile(
  sqlite: SqliteDatabase,
  upload: AudioUpload,
): Promise<Result<StoredAudio>> {
  const { episodeId, content } = upload
  const maxBytes = upload.maxBytes ?? env.AUDIO_MAX_BYTES
  const type = audioMimeType(upload.type)
  if (!type) return unknownType(upload.type)
  if (!episodeExists(sqlite, episodeId)) return notFound('episode')
  if (content instanceof Blob && content.size > maxBytes) return tooLarge(maxBytes)
  const folder = episodeMediaFolder(sqlite.name, episodeId)
  mkdirSync(folder, { recursive: true })
  const temporary = join(folder, `.upload-${randomBytes(8).toString('hex')}`)
  let written = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length
      done(written > maxBytes ? new TooLarge() : null, chunk)
    },
  })
  // Opened here, not by the stream: a stream opens its file asynchronously, so a refusal early in
  // the pipeline could remove the temporary before it exists and leave it behind.
  const file = createWriteStream(temporary, { fd: openSync(temporary, 'wx') })
  try {
    await pipeline(toNodeStream(content), counter, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    if (error instanceof TooLarge) return tooLarge(maxBytes)
    throw error
  }
  return putInPlace(sqlite, { episodeId, temporary, type, bytes: written })
}

/**
 * The same for a file already on this machine (the demo seed, CLIs): copied, synchronously, so
 * it can run inside a better-sqlite3 transaction (then its row write is a savepoint of it).
 */
export function copyEpisodeAudioFile(
  sqlite: SqliteDatabase,
  source: { episodeId: number; path: string; type: string; maxBytes?: number },
): Result<StoredAudio> {
  const { episodeId } = source
  const maxBytes = source.maxBytes ?? env.AUDIO_MAX_BYTES
  const type = audioMimeType(source.type)
  if (!type) return unknownType(source.type)
  if (!episodeExists(sqlite, episodeId)) return notFound('episode')
  const bytes = statSync(source.path).size
  if (bytes > maxBytes) return tooLarge(maxBytes)
  const folder = episodeMediaFolder(sqlite.name, episodeId)
  mkdirSync(folder, { recursive: true })
  const temporary = join(folder, `.upload-${randomBytes(8).toString('hex')}`)
  copyFileSync(source.path, temporary)
  return putInPlaceNow(sqlite, { episodeId, temporary, type, bytes })
}

interface PlacedFile {
  episodeId: number
  temporary: string
  type: string
  bytes: number
}

/**
 * Records the file on the episode's row, then renames it into place, in the caller's write
 * transaction: if the row cannot be written nothing moves, and the rename is the last step, so a
 * failing rename rolls the row back. Returns the stored name and the one it replaces.
 */
function placeAndRecord(
  sqlite: SqliteDatabase,
  stored: PlacedFile,
): Result<StoredAudio & { previousFile: string | null }> {
  const { episodeId, temporary, type, bytes } = stored
  const audioFile = `audio.${audioExtension(type)}`
  const previous = sqlite.prepare(`SELECT audioFile FROM Episode WHERE id = ?`).get(episodeId) as
    { audioFile: string | null } | undefined
  if (!previous) return notFound('episode')
  sqlite
    .prepare(`UPDATE Episode SET audioFile = ?, audioType = ?, audioBytes = ? WHERE id = ?`)
    .run(audioFile, type, bytes, episodeId)
  // rename() replaces atomically: a listener mid-stream keeps reading the old file's bytes.
  renameSync(temporary, join(episodeMediaFolder(sqlite.name, episodeId), audioFile))
  return ok({ episodeId, audioFile, audioType: type, audioBytes: bytes, previousFile: previous.audioFile })
}

/** After the commit: the replaced file goes, unless it had the same name (it was overwritten). */
function finishPlacing(
  sqlite: SqliteDatabase,
  placed: Result<StoredAudio & { previousFile: string | null }>,
  temporary: string,
): Result<StoredAudio> {
  if (!placed.ok) {
    rmSync(temporary, { force: true })
    return placed
  }
  const { previousFile, ...stored } = placed.value
  if (previousFile && previousFile !== stored.audioFile)
    removeStoredAudioFile(sqlite, stored.episodeId, previousFile)
  return ok(stored)
}

/** Async callers: the row update waits for the write lock (or answers busy) and only then is the file moved. */
async function putInPlace(sqlite: SqliteDatabase, stored: PlacedFile): Promise<Result<StoredAudio>> {
  let placed: Result<StoredAudio & { previousFile: string | null }>
  try {
    placed = await inWriteTransaction(sqlite, () => placeAndRecord(sqlite, stored))
  } catch (error) {
    rmSync(stored.temporary, { force: true })
    throw error
  }
  return finishPlacing(sqlite, placed, stored.temporary)
}

/** Synchronous callers (the demo seed, inside its own transaction): the same in one savepoint/transaction. */
function putInPlaceNow(sqlite: SqliteDatabase, stored: PlacedFile): Result<StoredAudio> {
  let placed: Result<StoredAudio & { previousFile: string | null }>
  try {
    placed = sqlite.transaction(() => placeAndRecord(sqlite, stored)).immediate()
  } catch (error) {
    rmSync(stored.temporary, { force: true })
    throw error
  }
  return finishPlacing(sqlite, placed, stored.temporary)
}

/**
 * Deletes a stored audio file that the episode's row no longer names (call it after the commit
 * that forgot it). A file the row names again by then (a new upload of the same type) stays.
 */
export function removeStoredAudioFile(sqlite: SqliteDatabase, episodeId: number, audioFile: string): void {
  const row = sqlite.prepare(`SELECT audioFile FROM Episode WHERE id = ?`).get(episodeId) as
    { audioFile: string | null } | undefined
  if (row?.audioFile === audioFile) return
  const path = storedAudioPath(sqlite.name, episodeId, audioFile)
  if (path) rmSync(path, { force: true })
}

/**
 * The row half of forgetting stored audio, for a caller's write transaction: clears audioFile,
 * audioType and audioBytes and returns the file's name, to delete with removeStoredAudioFile
 * after the commit (never before: a rolled-back transaction would leave a row naming no file).
 */
export function forgetEpisodeAudioFile(
  sqlite: SqliteDatabase,
  episodeId: number,
): Result<{ audioFile: string | null }> {
  const row = sqlite.prepare(`SELECT audioFile FROM Episode WHERE id = ?`).get(episodeId) as
    { audioFile: string | null } | undefined
  if (!row) return notFound('episode')
  if (!row.audioFile) return ok({ audioFile: null })
  sqlite
    .prepare(`UPDATE Episode SET audioFile = NULL, audioType = NULL, audioBytes = NULL WHERE id = ?`)
    .run(episodeId)
  return ok({ audioFile: row.audioFile })
}

/**
 * Forgets the episode's stored audio and deletes its file (a host who sets an audio URL instead).
 * audioType and audioBytes are cleared too; whoever sets audioUrl sets them again. The row is
 * written in one write transaction (busy when the lock stays taken); the file goes after it commits.
 */
export async function clearEpisodeAudioFile(
  sqlite: SqliteDatabase,
  episodeId: number,
): Promise<Result<{ removed: boolean }>> {
  const forgotten = await inWriteTransaction(sqlite, () => forgetEpisodeAudioFile(sqlite, episodeId))
  if (!forgotten.ok) return forgotten
  const { audioFile } = forgotten.value
  if (audioFile) removeStoredAudioFile(sqlite, episodeId, audioFile)
  return ok({ removed: audioFile !== null })
}

export { ACCEPTED_AUDIO_TYPES }

/** The stored audio file of an episode, to serve: its path and Content-Type; null when it has none. */
export function storedEpisodeAudio(
  sqlite: SqliteDatabase,
  episodeId: number,
): { path: string; contentType: string } | null {
  const row = sqlite.prepare(`SELECT audioFile, audioType FROM Episode WHERE id = ?`).get(episodeId) as
    { audioFile: string | null; audioType: string | null } | undefined
  if (!row?.audioFile) return null
  const path = storedAudioPath(sqlite.name, episodeId, row.audioFile)
  return path ? { path, contentType: servedAudioType(row.audioFile, row.audioType) } : null
}
