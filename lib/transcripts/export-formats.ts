// The transcript download formats, by file extension: what the episode page links to and
// what GET /episodes/:slug/transcript.<ext> serves.
import { exportPodcastJson } from './export-json'
import { exportSrt } from './export-srt'
import { exportText } from './export-txt'
import { exportVtt } from './export-vtt'
import type { ExportSentence } from './export-cues'

export const EXPORT_FORMATS = {
  vtt: { label: 'WebVTT', contentType: 'text/vtt; charset=utf-8', render: exportVtt },
  srt: { label: 'SRT', contentType: 'application/x-subrip; charset=utf-8', render: exportSrt },
  json: {
    label: 'JSON (Podcasting 2.0)',
    contentType: 'application/json; charset=utf-8',
    render: exportPodcastJson,
  },
  txt: { label: 'Text', contentType: 'text/plain; charset=utf-8', render: exportText },
} as const satisfies Record<
  string,
  {
    label: string
    contentType: string
    render: (sentences: readonly ExportSentence[], title?: string) => string
  }
>

export type ExportFormat = keyof typeof EXPORT_FORMATS
export const EXPORT_EXTENSIONS = Object.keys(EXPORT_FORMATS) as ExportFormat[]
