// A long episode for the performance checks, made here rather than taken from the shared corpus
// (tests run without ../shared): a conversation shaped like Talk Python's longest episode
// (~1,600 sentences of 40–60 characters on average, two speakers taking turns of one to
// nine sentences), written as WebVTT and imported with the real `npm run import` CLI into the
// e2e server's database, the path every transcript takes.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI_NODE_ARGS } from '../../scripts/lib/cli-node-args'
import { E2E_DATABASE_URL } from './paths'

// Words of a programming podcast, none of them a word the demo episodes' search specs look for.
const WORDS = (
  'we were talking about how the team ships code every week and what that means for testing ' +
  'deployment pipelines containers caching queues async workers framework migrations users ' +
  'really interesting question honestly I think most people start small then grow into it ' +
  'performance profiling memory benchmarks packaging typing editors notebooks data science ' +
  'library community maintainers open source conference keynote tutorial documentation'
).split(' ')

/** Deterministic pseudo-random numbers (a linear congruential generator), so every run reads the same text. */
function numbers(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

function timestamp(ms: number): string {
  const hours = Math.floor(ms / 3_600_000)
  const rest = new Date(ms % 3_600_000).toISOString().slice(14, 23)
  return `${String(hours).padStart(2, '0')}:${rest}`
}

/** WebVTT of `sentences` sentences, one cue each, averaging ~50 characters, speakers alternating by turn. */
export function longConversationVtt(sentences: number, seed = 7): string {
  const random = numbers(seed)
  const cues: string[] = []
  let speaker = 0
  let turnLeft = 0
  let at = 0
  for (let n = 0; n < sentences; n++) {
    if (turnLeft === 0) {
      speaker = 1 - speaker
      turnLeft = 1 + Math.floor(random() * 9)
    }
    turnLeft--
    // 4–10 words of 1–13 letters: ~50 characters on average.
    const count = 4 + Math.floor(random() * 7)
    const words = Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]!)
    const text = `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`
    const length = 1_000 + text.length * 60
    cues.push(
      `${timestamp(at)} --> ${timestamp(at + length)}\n<v ${speaker === 0 ? 'Michael Kennedy' : 'Guest Speaker'}>${text}`,
    )
    at += length
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}

/** Imports `vtt` as a new episode (a fresh slug each run) of the show `long-episodes`: its path and sentence count. */
export function importEpisode(vtt: string, name = 'long-episode'): { path: string; sentences: number } {
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-long-'))
  const slug = `${name}-${randomUUID().slice(0, 8)}`
  const file = join(folder, `${slug}.vtt`)
  try {
    writeFileSync(file, vtt)
    const output = execFileSync(
      process.execPath,
      [...CLI_NODE_ARGS, 'scripts/import.ts', file, '--show', 'long-episodes'],
      {
        env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
        encoding: 'utf8',
      },
    )
    // "Imported 1 of 1 files, 1579 sentences, …": the splitter joins a few generated fragments.
    const sentences = Number(/, (\d+) sentences,/.exec(output)?.[1])
    if (!Number.isInteger(sentences)) throw new Error(`npm run import said: ${output}`)
    return { path: `/episodes/${slug}`, sentences }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
