// Command-line arguments of scripts/transcript.ts, checked apart from any I/O so tests can cover them.

export const TRANSCRIPT_USAGE = `Usage: npm run transcript -- parse <file> [--json]

  parse <file>  read a transcript (WebVTT, SRT, Podcasting 2.0 JSON or "Starting point is" text);
                the format is detected from the content, not the file name
  --json        print the cues and sentences as JSON instead of a summary
  -h, --help    show this help`

export type TranscriptCommand =
  { kind: 'parse'; file: string; json: boolean } | { kind: 'help' } | { kind: 'usage-error'; message: string }

/** Reads `parse <file> [--json]`; options may come anywhere, and `--` ends them. */
export function parseTranscriptArgs(argv: readonly string[]): TranscriptCommand {
  const positional: string[] = []
  let json = false
  let optionsEnded = false
  for (const arg of argv) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') positional.push(arg)
    else if (arg === '--') optionsEnded = true
    else if (arg === '-h' || arg === '--help') return { kind: 'help' }
    else if (arg === '--json') json = true
    else return { kind: 'usage-error', message: `unknown option "${arg}"` }
  }
  const [command, file, ...extra] = positional
  if (command == null) return { kind: 'usage-error', message: 'missing command' }
  if (command !== 'parse') return { kind: 'usage-error', message: `unknown command "${command}"` }
  if (file == null || file === '') return { kind: 'usage-error', message: 'missing <file> to parse' }
  if (extra.length > 0) return { kind: 'usage-error', message: `unexpected argument "${extra[0]}"` }
  return { kind: 'parse', file, json }
}
