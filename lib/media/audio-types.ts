// The audio formats this app stores and serves, by MIME type, with the file extension a stored
// file gets. The stored name is made from this table, never from an uploaded file's name.

export const AUDIO_EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/webm': 'webm',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
}

/** What a stored file is served as, by its extension (the stored audioType wins when it is known). */
const SERVED_TYPES: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  // Ogg/Opus: browsers play it as audio/ogg; audio/opus is the RTP payload type.
  opus: 'audio/ogg',
  webm: 'audio/webm',
  wav: 'audio/wav',
  flac: 'audio/flac',
}

/** "audio/MPEG; charset=x" → "audio/mpeg"; unknown or empty → null. */
export function audioMimeType(type: string | null | undefined): string | null {
  const mime = (type ?? '').split(';')[0]!.trim().toLowerCase()
  return mime in AUDIO_EXTENSIONS ? mime : null
}

export function audioExtension(type: string): string | null {
  const mime = audioMimeType(type)
  return mime ? AUDIO_EXTENSIONS[mime]! : null
}

/** The Content-Type a stored audio file is served with. */
export function servedAudioType(fileName: string, storedType: string | null): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  const byExtension = SERVED_TYPES[extension]
  if (!byExtension) return 'application/octet-stream'
  const stored = audioMimeType(storedType)
  // Only trust the stored type when it agrees with the file's extension.
  return stored && AUDIO_EXTENSIONS[stored] === extension && extension !== 'opus' ? stored : byExtension
}

export const ACCEPTED_AUDIO_TYPES = Object.keys(AUDIO_EXTENSIONS)
