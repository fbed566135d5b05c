// Makes the demo episode's audio from its own transcript, so a newcomer's first `npm start`
// plays something that matches what the page says: espeak-ng speaks each cue (one voice per
// speaker), sox fits it into the cue's time slot (faster speech if it runs long, silence to
// pad), and opusenc writes a small mono Ogg/Opus file. Run by hand when the demo transcript
// changes (Debian: apt-get install espeak-ng sox opus-tools); the output is committed.
//   npm run demo:audio
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseTranscript } from '@/lib/transcripts/parse'

const SOURCE = 'prisma/demo/001-sqlite-is-enough.vtt'
const OUTPUT = 'prisma/demo/001-sqlite-is-enough.opus'
const SAMPLE_RATE = 16_000
const BASE_WORDS_PER_MINUTE = 165
const MAX_WORDS_PER_MINUTE = 320
const VOICES = ['en-us+f3', 'en-us+m3']

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

function durationMs(wav: string): number {
  return Math.round(Number(run('soxi', ['-D', wav]).trim()) * 1000)
}

function speak(text: string, voice: string, wordsPerMinute: number, wav: string): number {
  run('espeak-ng', ['-v', voice, '-s', String(Math.round(wordsPerMinute)), '-w', wav, text])
  return durationMs(wav)
}

const work = mkdtempSync(join(tmpdir(), 'hearsay-demo-audio-'))
try {
  const { cues } = parseTranscript(readFileSync(SOURCE))
  const speakers: string[] = []
  const slots: string[] = []
  cues.forEach((cue, index) => {
    const slotMs = (cues[index + 1]?.startMs ?? cue.endMs ?? cue.startMs + 5000) - cue.startMs
    if (cue.speaker && !speakers.includes(cue.speaker)) speakers.push(cue.speaker)
    const voice = VOICES[speakers.indexOf(cue.speaker ?? '') % VOICES.length] ?? VOICES[0]!
    const spoken = join(work, `cue-${index}.wav`)
    let wordsPerMinute = BASE_WORDS_PER_MINUTE
    let spokenMs = speak(cue.text, voice, wordsPerMinute, spoken)
    // Leave 150 ms of breath at the end of each slot.
    if (spokenMs > slotMs - 150) {
      wordsPerMinute = Math.min(MAX_WORDS_PER_MINUTE, (wordsPerMinute * spokenMs) / (slotMs - 150))
      spokenMs = speak(cue.text, voice, wordsPerMinute, spoken)
    }
    const slot = join(work, `slot-${index}.wav`)
    // Resample to one rate, then pad (or trim) to exactly the slot's length.
    run('sox', [
      spoken,
      '-r',
      String(SAMPLE_RATE),
      '-c',
      '1',
      slot,
      'pad',
      '0',
      `${Math.max(0, slotMs - spokenMs) / 1000}`,
      'trim',
      '0',
      `${slotMs / 1000}`,
    ])
    slots.push(slot)
  })
  const leadIn = join(work, 'lead-in.wav')
  run('sox', [
    '-n',
    '-r',
    String(SAMPLE_RATE),
    '-c',
    '1',
    leadIn,
    'trim',
    '0',
    `${(cues[0]?.startMs ?? 0) / 1000}`,
  ])
  const whole = join(work, 'whole.wav')
  run('sox', [leadIn, ...slots, '-b', '16', whole])
  run('opusenc', [
    '--quiet',
    '--bitrate',
    '16',
    '--downmix-mono',
    '--title',
    'Is SQLite enough?',
    '--artist',
    'The Small Database Show',
    whole,
    OUTPUT,
  ])
  console.log(
    `${OUTPUT}: ${(durationMs(whole) / 1000).toFixed(1)} s, ${Math.round(statSync(OUTPUT).size / 1024)} KiB`,
  )
} finally {
  rmSync(work, { recursive: true, force: true })
}
