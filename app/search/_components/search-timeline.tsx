// "When it came up": matches over publish dates as an SVG bar chart drawn on the server (no
// chart library reaches the browser), one row per show, each bar a link that narrows the search
// to its period with after:/before:. The same numbers, with the same links, as a table for
// screen readers and anyone who prefers one.
import Link from 'next/link'
import { narrowedQuery } from '@/lib/search/period-query'
import type { Timeline, TimelineBucket, TimelineSeries } from '@/lib/search/timeline'
import styles from './search-timeline.module.css'

const WIDTH = 720
const LEFT = 4
const RIGHT = 4
const AXIS = 18
const LABEL = 16

interface Props {
  timeline: Timeline
  /** The query that found the results; a bar's link narrows it. */
  query: string
  /** Turns a query into a search link (keeping the page's other parameters). */
  href: (q: string) => string
  /** True when the query already names a show (a bar then adds none). */
  showFiltered: boolean
}

const UNIT_WORDS = { month: 'per month', year: 'per year', episode: 'per episode' } as const

export function SearchTimeline({ timeline, query, href, showFiltered }: Props) {
  const several = timeline.series.length > 1
  const rowHeight = several ? 56 : 110
  const plotHeight = rowHeight - (several ? LABEL : 0)
  const height = timeline.series.length * rowHeight + AXIS
  const slot = (WIDTH - LEFT - RIGHT) / timeline.buckets.length
  const barWidth = Math.max(1, slot * 0.8)
  const barHref = (bucket: TimelineBucket, series: TimelineSeries) => {
    if (bucket.period) {
      const show = several && !showFiltered && series.show ? series.show.slug : undefined
      return href(narrowedQuery(query, { ...bucket.period, show }))
    }
    // An episode without a publish date has no period to narrow to: find the words inside it.
    return bucket.episode ? `/episodes/${bucket.episode.slug}?find=${encodeURIComponent(query)}` : null
  }
  return (
    <section className={styles.timeline} aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className={styles.heading}>
        When it came up <span className="muted">· matches {UNIT_WORDS[timeline.unit]}</span>
      </h2>
      <svg
        className={styles.chart}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        aria-labelledby="timeline-heading"
        role="group"
      >
        {timeline.series.map((series, row) => {
          const top = row * rowHeight + (several ? LABEL : 0)
          const name = seriesName(series)
          return (
            <g key={name}>
              {several ? (
                <text x={LEFT} y={row * rowHeight + LABEL - 4} className={styles.rowLabel}>
                  {name} · {series.matches}
                </text>
              ) : null}
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={top + plotHeight}
                y2={top + plotHeight}
                className={styles.base}
              />
              {series.counts.map((count, i) => {
                if (count === 0) return null
                const bucket = timeline.buckets[i]!
                const barHeight = Math.max(2, (count / timeline.max) * (plotHeight - 4))
                const label = `${bucket.label}${several ? `, ${name}` : ''}: ${matchesText(count)}`
                const target = barHref(bucket, series)
                const bar = (
                  <rect
                    x={LEFT + i * slot + (slot - barWidth) / 2}
                    y={top + plotHeight - barHeight}
                    width={barWidth}
                    height={barHeight}
                    className={styles.bar}
                  >
                    <title>{label}</title>
                  </rect>
                )
                return target ? (
                  <a key={i} href={target} aria-label={label} className={styles.barLink}>
                    {bar}
                  </a>
                ) : (
                  <g key={i}>{bar}</g>
                )
              })}
            </g>
          )
        })}
        {axisLabels(timeline).map(({ index, text, anchor }) => (
          <text
            key={index}
            x={anchor === 'end' ? WIDTH - RIGHT : LEFT + index * slot + (anchor === 'start' ? 0 : slot / 2)}
            y={height - 4}
            textAnchor={anchor}
            className={styles.axisLabel}
          >
            {text}
          </text>
        ))}
      </svg>
      {timeline.undatedEpisodes > 0 ? (
        <p className="muted">
          {timeline.undatedEpisodes === timeline.episodes
            ? 'No matching episode has a publish date, so each bar is one episode, in the order they were imported.'
            : `${timeline.undatedEpisodes} of ${timeline.episodes} episodes have no publish date; they are counted by when they were imported.`}
        </p>
      ) : null}
      <details className={styles.table}>
        <summary>The chart as a table</summary>
        <TimelineTable timeline={timeline} href={barHref} />
      </details>
    </section>
  )
}

function TimelineTable({
  timeline,
  href,
}: {
  timeline: Timeline
  href: (bucket: TimelineBucket, series: TimelineSeries) => string | null
}) {
  const several = timeline.series.length > 1
  const rows = timeline.buckets
    .map((bucket, i) => ({ bucket, counts: timeline.series.map((series) => series.counts[i] ?? 0) }))
    .filter((row) => row.counts.some((count) => count > 0))
  return (
    <table>
      <caption>Matches {UNIT_WORDS[timeline.unit]}; periods without a match are left out.</caption>
      <thead>
        <tr>
          <th scope="col">{timeline.unit === 'episode' ? 'Episode' : 'Period'}</th>
          {timeline.series.map((series) => (
            <th scope="col" key={seriesName(series)}>
              {several ? seriesName(series) : 'Matches'}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ bucket, counts }) => (
          <tr key={bucket.label}>
            <th scope="row">{bucket.label}</th>
            {counts.map((count, s) => {
              const target = count > 0 ? href(bucket, timeline.series[s]!) : null
              return (
                <td key={s}>
                  {target ? (
                    <Link
                      href={target}
                      aria-label={`${bucket.label}${several ? `, ${seriesName(timeline.series[s]!)}` : ''}: ${matchesText(count)}`}
                    >
                      {count}
                    </Link>
                  ) : (
                    count
                  )}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function seriesName(series: TimelineSeries): string {
  return series.show?.title ?? 'Other shows'
}

function matchesText(count: number): string {
  return `${count} ${count === 1 ? 'match' : 'matches'}`
}

// The first and last bucket, and each January between them when bars are months.
function axisLabels(
  timeline: Timeline,
): { index: number; text: string; anchor: 'start' | 'middle' | 'end' }[] {
  const { buckets, unit } = timeline
  const short = (bucket: TimelineBucket) =>
    unit === 'episode' ? (bucket.period?.after ?? 'no date') : bucket.label
  const labels: { index: number; text: string; anchor: 'start' | 'middle' | 'end' }[] = [
    { index: 0, text: short(buckets[0]!), anchor: 'start' },
  ]
  if (unit === 'month' && buckets.length > 24) {
    buckets.forEach((bucket, i) => {
      if (i > 2 && i < buckets.length - 3 && bucket.label.startsWith('Jan '))
        labels.push({ index: i, text: bucket.label.slice(4), anchor: 'middle' })
    })
  }
  if (buckets.length > 1)
    labels.push({ index: buckets.length - 1, text: short(buckets.at(-1)!), anchor: 'end' })
  return labels
}
