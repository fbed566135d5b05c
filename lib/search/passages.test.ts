// Passages as a moment (docs/decisions/0021-search-cost-per-query.md): words said within 30 s
// and 8 sentences of each other, looked for once sentence hits leave room on the page.
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import { importTranscript } from '../import/import-transcript'
import { searchTranscripts, type SearchOutcome } from './search'

function clock(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0')
  return `00:${two(Math.floor(seconds / 60))}:${two(seconds % 60)}.000`
}

// One line every 5 seconds, each its own cue.
function vtt(lines: string[]): string {
  return `WEBVTT\n\n${lines.map((text, i) => `${clock(i * 5)} --> ${clock(i * 5 + 5)}\n${text}\n`).join('\n')}`
}

function imported(name: string, lines: string[]) {
  const db = freshDatabase()
  importTranscript(db, { name, content: vtt(lines) }, { showSlug: 'small-db' })
  return db
}

function found(outcome: SearchOutcome) {
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome
}

const fillers = (count: number) => Array.from({ length: count }, (_, i) => `Filler line number ${i}.`)

describe('passages as a moment', () => {
  it('join words several short sentences apart within 30 seconds', () => {
    const db = imported('moment.vtt', [
      'I am an independent developer.',
      'Yes.',
      'Right.',
      'Okay.',
      'Sure.',
      'I have some secret projects.',
    ])
    const outcome = found(searchTranscripts(db, { q: 'secret independent' }))
    expect(outcome.total).toBe(1)
    expect(outcome.hits[0]?.sentence.text).toBe('I am an independent developer.')
    expect(outcome.hits[0]?.passage?.sentences.map((s) => s.text)).toHaveLength(6)
    expect(
      outcome.hits[0]?.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase()),
    ).toEqual(['independent', 'secret'])
  })

  it('do not join words more than 30 seconds or 8 sentences apart', () => {
    const late = freshDatabase()
    const content = `WEBVTT\n\n${clock(0)} --> ${clock(5)}\nI am an independent developer.\n\n${clock(36)} --> ${clock(40)}\nI have some secret projects.\n`
    importTranscript(late, { name: 'late.vtt', content }, { showSlug: 'small-db' })
    expect(found(searchTranscripts(late, { q: 'secret independent', exact: true })).total).toBe(0)
    const many = imported('many.vtt', [
      'I am an independent developer.',
      ...fillers(7),
      'I have some secret projects.',
    ])
    expect(found(searchTranscripts(many, { q: 'secret independent', exact: true })).total).toBe(0)
    const eight = imported('eight.vtt', [
      'I am an independent developer.',
      ...fillers(6),
      'I have some secret projects.',
    ])
    expect(found(searchTranscripts(eight, { q: 'secret independent', exact: true })).total).toBe(1)
  })

  it('take the smallest run, and a common word near the rare ones', () => {
    const db = imported('runs.vtt', [
      'The independent one.',
      'Filler.',
      'Secret talk.',
      'Another independent remark.',
      'Independent and done.',
    ])
    const outcome = found(searchTranscripts(db, { q: 'secret independent' }))
    expect(outcome.hits.map((hit) => hit.passage?.sentences.map((s) => s.text))).toEqual([
      ['Secret talk.', 'Another independent remark.'],
    ])
    const withCommon = found(searchTranscripts(db, { q: 'secret the' }))
    expect(withCommon.hits.map((hit) => hit.passage?.sentences.length)).toEqual([3])
  })

  it('find a quoted phrase over as many sentences as it has words, and no further', () => {
    const db = imported('phrase.vtt', [
      'We renewed the subscription.',
      'In.',
      'Fact, it was cheap.',
      'Another subscription.',
      'Filler.',
      'In fact, no.',
    ])
    const outcome = found(searchTranscripts(db, { q: '"subscription in fact"' }))
    expect(outcome.hits.map((hit) => hit.passage?.sentences.map((s) => s.text))).toEqual([
      ['We renewed the subscription.', 'In.', 'Fact, it was cheap.'],
    ])
  })

  it('find a phrase of more words than a bit mask holds, wherever it crosses a sentence break', () => {
    // Each word of a phrase is a requirement of its own; 40 of them are more than 32 bits.
    const words = Array.from({ length: 40 }, (_, i) => `Term${String.fromCharCode(97 + (i % 26))}${i}`)
    for (const at of [1, 20, 30, 35, 39]) {
      const db = imported(`long-phrase-${at}.vtt`, [
        ...fillers(3),
        `${words.slice(0, at).join(' ')}.`,
        `${words.slice(at).join(' ')}.`,
        `${words.slice(0, 20).join(' ')}.`,
        ...fillers(3),
      ])
      const outcome = found(searchTranscripts(db, { q: `"${words.join(' ')}"` }))
      const passages = outcome.hits.map((hit) => hit.passage?.sentences.map((s) => s.text.split(/[ .]/)[0]))
      expect(passages, `split after word ${at}`).toEqual([[words[0], words[at]]])
    }
  })

  it('find sixteen two-word phrases at once (32 requirements: every bit), one over a sentence break', () => {
    const phrases = Array.from({ length: 16 }, (_, i) => [`Alpha${i}x`, `Omega${i}y`] as const)
    const db = imported('sixteen.vtt', [
      ...fillers(2),
      `Start here ${phrases[0]![0]}.`,
      `${phrases[0]![1]} ${phrases
        .slice(1)
        .map(([first, last]) => `${first} ${last}`)
        .join(' ')} end.`,
      ...fillers(2),
    ])
    const q = phrases.map(([first, last]) => `"${first} ${last}"`).join(' ')
    const outcome = found(searchTranscripts(db, { q }))
    expect(outcome.hits.map((hit) => hit.passage?.sentences.map((s) => s.text.split(' ')[0]))).toEqual([
      ['Start', phrases[0]![1]],
    ])
  })

  it('are looked for once sentence hits leave room on the page, and counted from there', () => {
    const db = imported('page.vtt', [
      'Alpha beta one.',
      'Alpha beta two.',
      'Alpha beta three.',
      ...fillers(8),
      'Alpha here.',
      'And beta there.',
    ])
    const full = found(searchTranscripts(db, { q: 'alpha beta', limit: 2 }))
    expect([full.total, full.hits.map((hit) => hit.passage === undefined)]).toEqual([3, [true, true]])
    const rest = found(searchTranscripts(db, { q: 'alpha beta', limit: 2, offset: 2 }))
    expect(rest.total).toBe(4)
    expect(rest.hits.map((hit) => hit.passage?.sentences.map((s) => s.text))).toEqual([
      undefined,
      ['Alpha here.', 'And beta there.'],
    ])
  })
})
