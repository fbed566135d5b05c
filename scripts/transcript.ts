// `npm run transcript -- parse <file> [--json]`: parse a transcript file and print what the app would
// store, without touching the database. Exit codes: 0 ok, 1 unreadable or unusable file, 2 usage.
import { readFileSync } from 'node:fs'
import { parseTranscriptArgs, TRANSCRIPT_USAGE } from '../lib/transcripts/cli-args'
import { transcriptJson, transcriptSummary } from '../lib/transcripts/cli-output'
import { readTranscript } from '../lib/transcripts/parse'
import { TranscriptParseError, type NormalizedTranscript } from '../lib/transcripts/types'

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
}

function fail(message: string): number {
  process.stderr.write(`transcript: ${message}\n`)
  return 1
}

function main(argv: string[]): number {
  const command = parseTranscriptArgs(argv)
  if (command.kind === 'help') {
    process.stdout.write(`${TRANSCRIPT_USAGE}\n`)
    return 0
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`transcript: ${command.message}\n\n${TRANSCRIPT_USAGE}\n`)
    return 2
  }
  const { file } = command
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    return fail(`${file}: cannot read: ${READ_ERRORS[code] ?? (error as Error).message}`)
  }
  let transcript: NormalizedTranscript
  try {
    transcript = readTranscript(bytes)
  } catch (error) {
    if (error instanceof TranscriptParseError) return fail(`${file}: ${error.message}`)
    throw error
  }
  if (!command.json) {
    process.stdout.write(`${transcriptSummary(file, transcript)}\n`)
    return 0
  }
  for (const repair of transcript.repairs) {
    process.stderr.write(`transcript: warning: ${file}: line ${repair.line}: ${repair.message}\n`)
  }
  process.stdout.write(`${transcriptJson(transcript)}\n`)
  return 0
}

// `… --json | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})
process.exitCode = main(process.argv.slice(2))
