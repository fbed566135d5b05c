// A FeedReport as lines for a terminal: one per episode, its reason, and each sentence where a
// host's version was kept over the feed's.
import { summarizeReport, type EpisodeReport, type FeedReport } from '@/lib/feeds/report'

const MARK: Record<EpisodeReport['outcome'], string> = {
  imported: '✓ imported     ',
  updated: '✓ updated      ',
  unchanged: '· unchanged    ',
  'no-transcript': '– no transcript',
  failed: '✗ failed       ',
}

export function feedReportLines(report: FeedReport): string[] {
  const lines = [
    `${report.show.slug} (${report.show.title})${report.show.created ? ', new show' : ''} ← ${report.feedUrl}` +
      (report.feed === 'not-modified' ? ' [not modified]' : ''),
  ]
  for (const episode of report.episodes) {
    const changes =
      episode.outcome === 'updated' && episode.changes.length > 0 ? ` (${episode.changes.join(', ')})` : ''
    lines.push(`${MARK[episode.outcome]} ${episode.episodeSlug ?? episode.guid}: ${episode.title}${changes}`)
    if (episode.reason) lines.push(`    ${episode.reason}`)
    for (const warning of episode.warnings) lines.push(`    warning: ${warning}`)
    for (const conflict of episode.conflicts) {
      lines.push(
        `    ! sentence ${conflict.sentenceId} kept the host's ${conflict.fields.join(' and ')} (${conflict.hostKinds.join(', ')}):`,
        `        was:  ${quoted(conflict.oldText, conflict.oldSpeaker)}`,
        `        host: ${quoted(conflict.hostText, conflict.hostSpeaker)}`,
        `        feed: ${quoted(conflict.newText, conflict.newSpeaker)}`,
      )
    }
  }
  for (const problem of report.problems) lines.push(`  problem: ${problem}`)
  lines.push(summarizeReport(report))
  return lines
}

function quoted(text: string, speaker: string | null): string {
  return `${speaker ? `${speaker}: ` : ''}“${text}”`
}
