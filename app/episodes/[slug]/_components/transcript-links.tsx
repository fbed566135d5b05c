// Under the episode header: the corrected transcript as files for other podcast apps, and
// the episode's edit history.
import Link from 'next/link'
import { EXPORT_EXTENSIONS, EXPORT_FORMATS } from '@/lib/transcripts/export-formats'

export function TranscriptLinks({ slug }: { slug: string }) {
  return (
    <nav className="transcript-exports" aria-label="Transcript files and history">
      <span className="muted">Transcript:</span>
      {EXPORT_EXTENSIONS.map((extension) => (
        // Plain links: these are files, not pages for the client router.
        <a key={extension} href={`/episodes/${slug}/transcript.${extension}`} download>
          {EXPORT_FORMATS[extension].label}
        </a>
      ))}
      <Link href={`/episodes/${slug}/history`}>Edit history</Link>
    </nav>
  )
}
