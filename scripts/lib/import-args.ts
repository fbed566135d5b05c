// Arguments of the import CLI, validated before anything touches the database.
import { readdirSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'

export const IMPORT_USAGE =
  'usage: npm run import -- <files or folders…> [--show <slug>] [--replace] [--dry-run]'

/** Extensions picked up when walking a folder; files named explicitly are read whatever their name. */
export const TRANSCRIPT_EXTENSIONS = new Set(['.vtt', '.srt', '.json', '.txt'])

const ImportArgsSchema = z.object({
  paths: z.array(z.string().min(1)).min(1, 'name at least one file or folder'),
  show: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a show slug is lowercase letters and digits joined by single dashes')
    .optional(),
  replace: z.boolean(),
  dryRun: z.boolean(),
})

export type ImportArgs = z.infer<typeof ImportArgsSchema>

export function parseImportArgs(
  argv: string[],
): { ok: true; args: ImportArgs } | { ok: false; message: string } {
  let values: { show?: string; replace?: boolean; 'dry-run'?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { show: { type: 'string' }, replace: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    }))
  } catch (error) {
    return { ok: false, message: `${(error as Error).message}\n${IMPORT_USAGE}` }
  }
  const result = ImportArgsSchema.safeParse({
    paths: positionals,
    show: values.show,
    replace: values.replace ?? false,
    dryRun: values['dry-run'] ?? false,
  })
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`,
    )
    return { ok: false, message: `${problems.join('\n')}\n${IMPORT_USAGE}` }
  }
  return { ok: true, args: result.data }
}

/** Expands folders (recursively, transcript extensions only, hidden entries skipped) into a sorted file list. */
export function collectTranscriptFiles(
  paths: string[],
): { ok: true; files: string[] } | { ok: false; message: string } {
  const files: string[] = []
  for (const path of paths) {
    let stats
    try {
      stats = statSync(path)
    } catch {
      return { ok: false, message: `${path}: no such file or folder` }
    }
    if (stats.isDirectory()) files.push(...walk(path))
    else files.push(path)
  }
  return { ok: true, files }
}

function walk(folder: string): string[] {
  const found: string[] = []
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...walk(path))
    else if (entry.isFile() && TRANSCRIPT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path)
  }
  return found
}
