// A plain GET form to /search: works without JavaScript, and the query lives in the URL.
// Each search landmark on a page needs its own name (the header's and the home page's are both
// there on /): the header's is "Site search", a full one is named by its visible label.
export function SearchBox({
  id,
  defaultValue,
  compact,
}: {
  id: string
  defaultValue?: string
  compact?: boolean
}) {
  return (
    <form
      role="search"
      action="/search"
      method="get"
      className={compact ? 'search-box compact' : 'search-box'}
      aria-label={compact ? 'Site search' : undefined}
      aria-labelledby={compact ? undefined : `${id}-label`}
    >
      <label id={`${id}-label`} htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        Search all transcripts
      </label>
      <div className="search-row">
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder='Try sqlite, "write-ahead log" or speaker:ana'
          maxLength={500}
          autoComplete="off"
        />
        <button type="submit">Search</button>
      </div>
    </form>
  )
}
