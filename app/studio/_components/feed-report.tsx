// What adding or refreshing a feed did, episode by episode (lib/feeds/report.ts): imported,
// updated, unchanged, no transcript (and why), failed (and why), and sentences where a host's
// correction was kept over the feed's new text.
import Link from 'next/link'
import { summarizeReport, type EpisodeOutcome, type FeedReport } from '@/lib/feeds/report'

const OUTCOME_WORDS: Record<EpisodeOutcome, string> = {
  imported: 'imported',
  updated: 'updated',
  unchanged: 'unchanged',
  'no-transcript': 'no transcript',
  failed: 'failed',
}

export function FeedReportView(props: { report: FeedReport }) {
  const { report } = props
  return (
    <section className="feed-report" aria-label={`Report for ${report.show.title}`}>
      <h3>
        <Link href={`/studio/shows/${report.show.slug}`}>{report.show.title}</Link>
        {report.show.created ? ' (new show)' : ''}
      </h3>
      <p>
        <strong>{summarizeReport(report)}</strong>
      </p>
      {report.problems.length > 0 ? (
        <ul className="report-problems">
          {report.problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {report.episodes.length > 0 ? (
        <ol className="report-episodes">
          {report.episodes.map((episode) => (
            <li key={episode.guid} className={`report-episode outcome-${episode.outcome}`}>
              <span className="outcome">{OUTCOME_WORDS[episode.outcome]}</span>{' '}
              {episode.episodeSlug ? (
                <Link href={`/episodes/${episode.episodeSlug}`}>{episode.title}</Link>
              ) : (
                <span>{episode.title}</span>
              )}
              {episode.changes.length > 0 ? (
                <span className="muted"> ({episode.changes.join(', ')})</span>
              ) : null}
              {episode.reason ? <p className="report-reason">{episode.reason}</p> : null}
              {episode.warnings.map((warning, index) => (
                <p key={index} className="report-warning">
                  {warning}
                </p>
              ))}
              {episode.conflicts.length > 0 ? (
                <details className="report-conflicts">
                  <summary>
                    {episode.conflicts.length} host correction{episode.conflicts.length === 1 ? '' : 's'} kept
                    over the feed&apos;s new text
                  </summary>
                  <ConflictList conflicts={episode.conflicts} episodeSlug={episode.episodeSlug} />
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}

export function ConflictList(props: {
  conflicts: FeedReport['episodes'][number]['conflicts']
  episodeSlug: string | null
}) {
  return (
    <>
      <ul className="conflict-list">
        {props.conflicts.map((conflict) => (
          <li key={conflict.sentenceId}>
            {props.episodeSlug ? (
              <Link href={`/episodes/${props.episodeSlug}#s-${conflict.sentenceId}`}>
                Sentence {conflict.position + 1}
              </Link>
            ) : (
              `Sentence ${conflict.position + 1}`
            )}{' '}
            <span className="muted">({conflict.hostKinds.join(', ')})</span>
            <p>
              Kept: <q>{conflict.hostText}</q>
            </p>
            <p>
              New file says: <q>{conflict.newText}</q>
            </p>
          </li>
        ))}
      </ul>
      {props.episodeSlug ? (
        <p>
          <Link href={`/studio/episodes/${props.episodeSlug}/conflicts`}>
            Keep yours or take the new text, sentence by sentence
          </Link>
        </p>
      ) : null}
    </>
  )
}
