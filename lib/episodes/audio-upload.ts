// Uploading an episode's audio file (issue 10 item 5): the studio's upload control and
// PUT /api/episodes/:slug/audio. Stored beside the database by lib/media/episode-audio.ts, which
// streams it to disk against the size cap (AUDIO_MAX_BYTES) and writes nothing when refused.
// Here: who may, which episode, a declared size over the cap refused before a byte is read, and
// the file's first bytes checked against the audio type it claims, so a renamed text file or
// image is refused with a clear message instead of being served as audio.
import 'server-only'
import { env } from '@/lib/env'
import { audioExtension } from '@/lib/media/audio-types'
import { formatBytes, setEpisodeAudioFile, type AudioContent } from '@/lib/media/episode-audio'
import type { OperationContext } from '@/lib/operations/context'
import { episodeOnShow } from '@/lib/operations/show-of'
import { invalid, ok, type Result } from '@/lib/result'

export interface AudioUploadInput {
  slug: unknown
  /** The upload's MIME type (a File's `type`, a request's Content-Type). */
  type: unknown
  /** The size the client declared (File.size, Content-Length), when it did. */
  declaredBytes: number | null
  content: AudioContent
}

export interface UploadedAudio {
  audioType: string
  audioBytes: number
  /** Where the episode's audio is served from now. */
  audioUrl: string
}

function refuse(message: string): Result<never> {
  return invalid(message, { audio: [message] })
}

export async function uploadEpisodeAudio(
  ctx: OperationContext,
  input: AudioUploadInput,
  options: { maxBytes?: number } = {},
): Promise<Result<UploadedAudio>> {
  const start = await episodeOnShow(ctx, input.slug, 'edit-transcripts')
  if (!start.ok) return start
  const { episode } = start.value
  const maxBytes = options.maxBytes ?? env.AUDIO_MAX_BYTES
  if (input.declaredBytes !== null && input.declaredBytes > maxBytes)
    return refuse(`The audio file is larger than the limit of ${formatBytes(maxBytes)} (AUDIO_MAX_BYTES).`)
  if (input.declaredBytes === 0) return refuse('The audio file is empty.')
  const type = typeof input.type === 'string' ? input.type : ''
  const extension = audioExtension(type)
  // An unknown type is refused by the store, with the list of types it takes.
  const content = extension ? checkedAudio(input.content, extension) : input.content
  let stored
  try {
    stored = await setEpisodeAudioFile(ctx.sqlite, { episodeId: episode.id, content, type, maxBytes })
  } catch (error) {
    if (error instanceof NotThatAudio) return refuse(error.message)
    throw error
  }
  if (!stored.ok) return stored
  return ok({
    audioType: stored.value.audioType,
    audioBytes: stored.value.audioBytes,
    audioUrl: `/api/episodes/${episode.slug}/audio`,
  })
}

class NotThatAudio extends Error {}

const FAMILY_NAMES: Record<string, string> = {
  mp3: 'MP3',
  m4a: 'M4A/MP4',
  aac: 'AAC',
  ogg: 'Ogg',
  opus: 'Ogg/Opus',
  webm: 'WebM',
  wav: 'WAV',
  flac: 'FLAC',
}

/** Whether a file's first bytes (at least 12, when it has them) are audio of the format `extension`. */
export function looksLikeAudio(head: Uint8Array, extension: string): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to))
  // An ID3 tag may precede MP3, AAC and FLAC data.
  const id3 = ascii(0, 3) === 'ID3'
  switch (extension) {
    case 'mp3':
      return id3 || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0)
    case 'aac':
      return id3 || (head[0] === 0xff && (head[1]! & 0xf6) === 0xf0)
    case 'm4a':
      return ascii(4, 8) === 'ftyp'
    case 'ogg':
    case 'opus':
      return ascii(0, 4) === 'OggS'
    case 'webm':
      return head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3
    case 'wav':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE'
    case 'flac':
      return id3 || ascii(0, 4) === 'fLaC'
    default:
      return false
  }
}

async function* chunksOf(content: AudioContent): AsyncGenerator<Uint8Array> {
  if (content instanceof Uint8Array) {
    yield content
  } else if (content instanceof Blob) {
    yield* chunksOf(content.stream())
  } else if (typeof (content as ReadableStream).getReader === 'function') {
    const reader = (content as ReadableStream<Uint8Array>).getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        yield value
      }
    } finally {
      reader.releaseLock()
    }
  } else {
    yield* content as AsyncIterable<Uint8Array>
  }
}

/** The same bytes, after the first 12 were checked: the store aborts (nothing kept) when they are not `extension` audio. */
async function* checkedAudio(content: AudioContent, extension: string): AsyncGenerator<Uint8Array> {
  const held: Uint8Array[] = []
  let heldBytes = 0
  let checked = false
  const check = () => {
    checked = true
    const head = Buffer.concat(held).subarray(0, 12)
    if (!looksLikeAudio(head, extension))
      throw new NotThatAudio(
        `The file is not ${FAMILY_NAMES[extension] ?? extension} audio: its first bytes say otherwise. Upload the audio file itself.`,
      )
  }
  for await (const chunk of chunksOf(content)) {
    if (checked) {
      yield chunk
      continue
    }
    held.push(chunk)
    heldBytes += chunk.length
    if (heldBytes >= 12) {
      check()
      yield* held
    }
  }
  if (!checked) {
    if (heldBytes === 0) throw new NotThatAudio('The audio file is empty.')
    check()
    yield* held
  }
}
