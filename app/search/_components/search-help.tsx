export function SearchHelp() {
  return (
    <section className="notice" aria-labelledby="search-help-heading">
      <h2 id="search-help-heading">Search every transcript</h2>
      <ul>
        <li>
          Words find sentences containing all of them: <code>sqlite backups</code>
        </li>
        <li>
          Quotes find an exact phrase: <code>&quot;write-ahead log&quot;</code>
        </li>
        <li>
          A star finds word beginnings: <code>replic*</code>
        </li>
        <li>
          A minus leaves words out: <code>sqlite -postgres</code>
        </li>
        <li>
          Filters narrow by who spoke or which show: <code>speaker:ana</code>,{' '}
          <code>show:small-database-show</code>
        </li>
        <li>
          Dates narrow by when an episode came out: <code>rust after:2024-01 before:2024-07</code>
        </li>
        <li>Misspelt words are corrected, and words spread over neighbouring sentences still match.</li>
      </ul>
    </section>
  )
}
