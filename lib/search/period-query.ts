// A query narrowed to a period (and a show): where a bar of the "when a topic came up" chart
// links. The rewrite goes through the query grammar itself (after:/before:/show:, see
// ./query.ts), so the narrowed search is one a listener could have typed and can keep editing.

// A quoted phrase (kept as typed, even if it holds "after:"), or a date filter with its value.
const PHRASE_OR_DATE_FILTER = /"[^"]*"?|(^|\s)-?(?:after|before):(?:"[^"]*"?|[^\s"]*)/gi

/** The query without its after:/before: filters, spaces tidied. */
export function withoutPeriod(q: string): string {
  return q
    .replace(PHRASE_OR_DATE_FILTER, (found: string, space: string | undefined) =>
      found.startsWith('"') ? found : (space ?? ''),
    )
    .replace(/\s+/g, ' ')
    .trim()
}

/** `q` narrowed to [after, before) and, when given, to one show; any earlier period is replaced. */
export function narrowedQuery(q: string, narrow: { after: string; before: string; show?: string }): string {
  const show = narrow.show
    ? ` show:${/^[\w-]+$/.test(narrow.show) ? narrow.show : `"${narrow.show.replaceAll('"', '')}"`}`
    : ''
  return `${withoutPeriod(q)} after:${narrow.after} before:${narrow.before}${show}`.trim()
}
