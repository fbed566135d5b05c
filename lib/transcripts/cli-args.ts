// Command-line arguments of scripts/transcript.ts, checked apart from any I/O so tests can cover them.
import { parseArgs } from 'node:util'

export const TRANSCRIPT_USAGE = `Usage: npm run transcript -- parse <file> [--json]

  parse <file>  read a transcript (WebVTT, SRT, Podcasting 2.0 JSON or "Starting point is" text);
                the format is detected from the content, not the file name
  --json        print the cues and sentences as JSON instead of a summary
  -h, --help    show this help`

export type TranscriptCommand =
  { kind: 'parse'; file: string; json: boolean } | { kind: 'help' } | { kind: 'usage-error'; message: string }

/** Reads `parse <file> [--json]` with node:util's parseArgs, like the other CLIs; options may come anywhere, and `--` ends them. */
export function parseTranscriptArgs(argv: readonly string[]): TranscriptCommand {
  let parsed: { values: { json?: boolean; help?: boolean }; positionals: string[] }
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    // parseArgs names the option in its message: "Unknown option '--xml'".
    const option = /option '([^']+)'/.exec((error as Error).message)?.[1] ?? String(error)
    return { kind: 'usage-error', message: `unknown option "${option}"` }
  }
  if (parsed.values.help) return { kind: 'help' }
  const [command, file, ...extra] = parsed.positionals
  if (command == null) return { kind: 'usage-error', message: 'missing command' }
  if (command !== 'parse') return { kind: 'usage-error', message: `unknown command "${command}"` }
  if (file == null || file === '') return { kind: 'usage-error', message: 'missing <file> to parse' }
  if (extra.length > 0) return { kind: 'usage-error', message: `unexpected argument "${extra[0]}"` }
  return { kind: 'parse', file, json: parsed.values.json ?? false }
}
