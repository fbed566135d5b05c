// Where files this app stores live: beside the database, in <database folder>/media/. An
// episode's files sit in media/episodes/<episode id>/, a folder named by a database id only, so
// no path is ever built from what a client sends. Not in the replica (lib/replication streams
// the database file only): back this folder up with the database.
import { dirname, join } from 'node:path'

/** `<folder of the database file>/media`; the path is the raw handle's `db.name` (on a libSQL server, a path in the local data folder: lib/db/engine.ts localDatabaseFile). */
export function mediaRoot(databaseFile: string): string {
  return join(dirname(databaseFile), 'media')
}

export function episodeMediaFolder(databaseFile: string, episodeId: number): string {
  if (!Number.isSafeInteger(episodeId) || episodeId < 1) throw new Error(`not an episode id: ${episodeId}`)
  return join(mediaRoot(databaseFile), 'episodes', String(episodeId))
}

/** Names this app gives stored audio (`audio.<ext>`); anything else in the database is refused. */
export const STORED_AUDIO_NAME = /^audio\.[a-z0-9]{1,8}$/

/** The stored audio file of an episode, or null when its recorded name is not one this app writes. */
export function storedAudioPath(databaseFile: string, episodeId: number, audioFile: string): string | null {
  if (!STORED_AUDIO_NAME.test(audioFile)) return null
  return join(episodeMediaFolder(databaseFile, episodeId), audioFile)
}
