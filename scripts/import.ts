// npm run import -- <files or folders…> [--show <slug>] [--replace] [--dry-run]
// One line per file; each file in its own transaction; exit 1 if any file failed.
import { readFileSync } from 'node:fs'
import { parseImportArgs, collectTranscriptFiles } from '@/scripts/lib/import-args'
import { importTranscript, ImportError, type ImportSummary } from '@/lib/import/import-transcript'
import { sqliteFor } from '@/lib/db/client'
import { migrateDatabase } from '@/lib/db/migrate'
import { engine } from '@/lib/env'
import { TranscriptParseError } from '@/lib/transcripts/types'
import { ProgressBar } from '@/scripts/lib/progress'

function main(): number {
  const parsed = parseImportArgs(process.argv.slice(2))
  if (!parsed.ok) {
    console.error(parsed.message)
    return 2
  }
  const { paths, show, replace, dryRun } = parsed.args
  const files = collectTranscriptFiles(paths)
  if (!files.ok) {
    console.error(files.message)
    return 2
  }
  migrateDatabase(engine)
  const db = sqliteFor(engine)
  const progress = new ProgressBar(files.files.length, process.stderr)
  const startedAt = performance.now()
  let failed = 0
  let sentences = 0
  for (const file of files.files) {
    progress.update(file)
    try {
      const summary = importTranscript(
        db,
        { name: file, content: readFileSync(file) },
        { showSlug: show, replace, dryRun },
      )
      sentences += summary.sentences
      progress.log(`✓ ${file} → ${describe(summary)}`)
    } catch (error) {
      failed++
      progress.log(`✗ ${file}${lineOf(error)}: ${messageOf(error)}`)
    }
    progress.advance()
  }
  progress.done()
  db.close()
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1)
  const verb = dryRun ? 'Checked (dry run, nothing written)' : 'Imported'
  console.log(
    `${verb} ${files.files.length - failed} of ${files.files.length} files, ${sentences} sentences, ${failed} failed, in ${seconds} s`,
  )
  return failed > 0 ? 1 : 0
}

function describe(summary: ImportSummary): string {
  const speakers = summary.speakers.length
  return (
    [
      `${summary.showSlug}/${summary.episodeSlug} (${summary.format}${summary.replaced ? ', replaced' : ''})`,
      `${summary.cues} cues, ${summary.sentences} sentences, ${speakers} speaker${speakers === 1 ? '' : 's'}, ${summary.repairs.length} repairs`,
    ].join(': ') +
    summary.repairs.map((repair) => `\n    repair at line ${repair.line}: ${repair.message}`).join('') +
    reimportLines(summary)
  )
}

/** What a re-import changed, and each sentence where the host's version was kept (issue 13). */
function reimportLines(summary: ImportSummary): string {
  const outcome = summary.reimport
  if (!outcome) return ''
  const head = `\n    re-import: ${outcome.changed} changed, ${outcome.added} added, ${outcome.removed} removed, ${outcome.keptForHost} kept for the host`
  return (
    head +
    outcome.conflicts
      .map(
        (c) =>
          `\n    ! sentence ${c.sentenceId} kept the host's ${c.fields.join(' and ')} (${c.hostKinds.join(', ')}):` +
          `\n        was:  “${c.oldText}”\n        host: “${c.hostText}”\n        file: “${c.newText}”`,
      )
      .join('') +
    (outcome.conflicts.length > 0
      ? `\n    keep yours or take the new text on /studio/episodes/${summary.episodeSlug}/conflicts`
      : '')
  )
}

function lineOf(error: unknown): string {
  if (error instanceof TranscriptParseError || error instanceof ImportError)
    return error.line == null ? '' : `:${error.line}`
  return ''
}

function messageOf(error: unknown): string {
  if (error instanceof TranscriptParseError) return error.message.replace(/^line \d+: /, '')
  if (error instanceof Error) return error.message
  return String(error)
}

process.exitCode = main()
