// Runs the real CLI in a child process, as `npm run transcript` would.
import { CLI_NODE_ARGS } from './lib/cli-node-args'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { TRANSCRIPT_USAGE } from '../lib/transcripts/cli-args'

const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = 'tests/fixtures/transcripts'
const scratch = mkdtempSync(join(tmpdir(), 'transcript-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function transcript(...args: string[]) {
  const result = spawnSync(process.execPath, [...CLI_NODE_ARGS, 'scripts/transcript.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('transcript parse', () => {
  it('prints cues and sentences as JSON with --json', () => {
    const { status, stdout, stderr } = transcript('parse', `${fixtures}/episode.json`, '--json')
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' })
    expect(JSON.parse(stdout)).toEqual({
      format: 'podcast-json',
      cues: [
        { id: null, startMs: 0, endMs: 2500, speaker: 'Ana Reyes', text: 'Welcome to Tidepool Radio.' },
        { id: null, startMs: 2500, endMs: 4250, speaker: 'Ana Reyes', text: 'Today:' },
        { id: null, startMs: 4250, endMs: 6000, speaker: 'Ana Reyes', text: 'hermit crabs.' },
        { id: null, startMs: 6500, endMs: 8000, speaker: 'Tom Okafor', text: 'They trade shells.' },
      ],
      sentences: [
        { startMs: 0, speaker: 'Ana Reyes', text: 'Welcome to Tidepool Radio.' },
        { startMs: 2500, speaker: 'Ana Reyes', text: 'Today: hermit crabs.' },
        { startMs: 6500, speaker: 'Tom Okafor', text: 'They trade shells.' },
      ],
    })
    expect(stdout.startsWith('{\n  "format": "podcast-json",\n')).toBe(true)
  })

  it('prints a short summary without --json, whatever the file is called', () => {
    const { status, stdout, stderr } = transcript('parse', `${fixtures}/really-vtt.txt`)
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' })
    expect(stdout).toBe(
      `${fixtures}/really-vtt.txt: WebVTT\n  cues:      1\n  sentences: 1 in 1 segments\n  speakers:  none named\n  repairs:   0\n`,
    )
  })

  it('keeps stdout pure JSON and reports repairs on stderr', () => {
    const { status, stdout, stderr } = transcript('parse', `${fixtures}/truncated.vtt`, '--json')
    expect(status).toBe(0)
    expect(JSON.parse(stdout).sentences).toEqual([
      { startMs: 0, speaker: null, text: 'The recording starts.' },
      { startMs: 2000, speaker: null, text: 'Then the upload was cut' },
    ])
    expect(stderr).toBe(
      `transcript: warning: ${fixtures}/truncated.vtt: line 9: cue skipped: invalid timing "00:00:04.000 --> 00:00:0" (end time: minutes and seconds take exactly two digits; the file looks cut short)\n`,
    )
  })

  it('fails with one line naming the file and line when the transcript is unusable', () => {
    const { status, stdout, stderr } = transcript('parse', `${fixtures}/untimed.srt`)
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' })
    expect(stderr).toBe(
      `transcript: ${fixtures}/untimed.srt: line 2: no cues with valid timestamps (first problem: cue skipped: invalid timing "00:00:61,000 --> 00:00:62,000" (start time: seconds above 59))\n`,
    )
  })

  it('fails clearly on truncated JSON', () => {
    const { status, stderr } = transcript('parse', `${fixtures}/truncated-json.txt`, '--json')
    expect(status).toBe(1)
    expect(stderr).toMatch(
      /^transcript: tests\/fixtures\/transcripts\/truncated-json.txt: line 1: invalid JSON \(Unterminated string/,
    )
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('fails on empty and binary files', () => {
    const empty = join(scratch, 'empty.vtt')
    const binary = join(scratch, 'cover.jpg.vtt')
    writeFileSync(empty, '')
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))
    expect(transcript('parse', empty)).toEqual({
      status: 1,
      stdout: '',
      stderr: `transcript: ${empty}: file is empty\n`,
    })
    expect(transcript('parse', binary)).toEqual({
      status: 1,
      stdout: '',
      stderr: `transcript: ${binary}: line 1: binary file: it contains NUL bytes\n`,
    })
  })

  it('fails when the file cannot be read', () => {
    expect(transcript('parse', 'no/such/file.vtt')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'transcript: no/such/file.vtt: cannot read: no such file\n',
    })
    expect(transcript('parse', fixtures)).toEqual({
      status: 1,
      stdout: '',
      stderr: `transcript: ${fixtures}: cannot read: is a directory, not a file\n`,
    })
  })
})

describe('transcript usage', () => {
  it('exits 2 with the usage text on a usage error', () => {
    expect(transcript('parse')).toEqual({
      status: 2,
      stdout: '',
      stderr: `transcript: missing <file> to parse\n\n${TRANSCRIPT_USAGE}\n`,
    })
  })

  it('prints the usage text on --help and exits 0', () => {
    expect(transcript('--help')).toEqual({ status: 0, stdout: `${TRANSCRIPT_USAGE}\n`, stderr: '' })
  })
})
