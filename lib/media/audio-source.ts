// Which audio an episode page plays: the file this app stores (served with Range support by
// GET /api/episodes/<slug>/audio), else the feed's enclosure URL, played by the browser straight
// from the podcast's host (the CSP allows media from any http(s) origin). No proxying of remote
// audio: the podcast's host sees the listener, as in every podcast app.

export interface AudioSource {
  src: string
  /** The MIME type, when known (a <source type> hint). */
  type: string | null
  stored: boolean
}

export function episodeAudioPath(slug: string): string {
  return `/api/episodes/${encodeURIComponent(slug)}/audio`
}

export function episodeAudioSource(episode: {
  slug: string
  audioFile: string | null
  audioUrl: string | null
  audioType: string | null
}): AudioSource | null {
  if (episode.audioFile) return { src: episodeAudioPath(episode.slug), type: episode.audioType, stored: true }
  if (episode.audioUrl && /^https?:\/\//i.test(episode.audioUrl))
    return { src: episode.audioUrl, type: episode.audioType, stored: false }
  return null
}
