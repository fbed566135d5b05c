// Use cases of stored media. Reading an episode's audio is public, like the episode page, so
// there is nothing to authorize; storing audio is a host's operation (the host pages call
// setEpisodeAudioFile from theirs).
import 'server-only'
import type { ServedFile } from '@/lib/media/serve-file'
import { storedEpisodeAudio } from '@/lib/media/episode-audio'
import type { DataHandles } from '@/lib/operations/context'
import { episodeBySlug } from '@/lib/operations/lookups'
import { ok, type Result } from '@/lib/result'

/** The stored audio file of the episode a slug names; null when it has none stored here. */
export async function episodeAudioFile(
  handles: Pick<DataHandles, 'db' | 'sqlite'>,
  input: { slug: unknown },
): Promise<Result<ServedFile | null>> {
  const episode = await episodeBySlug(handles.db, typeof input.slug === 'string' ? input.slug : '')
  if (!episode.ok) return episode
  return ok(storedEpisodeAudio(handles.sqlite, episode.value.id))
}
