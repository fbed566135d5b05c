import { describe, expect, it } from 'vitest'
import { findSpeakerNames, readSpeakerPrefix, splitBySpeakerPrefix } from './speaker-prefix'

describe('readSpeakerPrefix', () => {
  it.each([
    ['MICHAEL: Hello', 'MICHAEL', 'Hello', true],
    ['Michael Kennedy: Hello there', 'Michael Kennedy', 'Hello there', true],
    ['Guido van Rossum: Thanks.', 'Guido van Rossum', 'Thanks.', true],
    ['Dr. Ana Reyes: Right.', 'Dr. Ana Reyes', 'Right.', true],
    ['- TOM: Quick!', 'TOM', 'Quick!', true],
    ['Speaker 2: Yes.', 'Speaker 2', 'Yes.', true],
    ["O'Brien: Sure.", "O'Brien", 'Sure.', false],
    ['Ana: Hi.', 'Ana', 'Hi.', false],
  ])('reads %j as a speaker prefix', (line, name, rest, strong) => {
    expect(readSpeakerPrefix(line)).toEqual({ name, rest, strong })
  })

  it.each([
    ['Note: this is not a speaker.'],
    ['NOTE: neither is this.'],
    ['Warning: hot coffee.'],
    ['Chapter Two: The Tide'],
    ['we met at 10:30 sharp'],
    ['10:30: the meeting'],
    ['https://tidepool.example/show'],
    ['See http: links'],
    ['So the answer is: yes'],
    ['and then he said: hello'],
    ['Python 3: the release'],
    ['Ana:no space after the colon'],
    ['Ana:'],
    ['A Very Long Name With Too Many Words: hi'],
    ['Q: what?'],
  ])('does not read %j as a speaker prefix', (line) => {
    expect(readSpeakerPrefix(line)).toBeNull()
  })
})

describe('findSpeakerNames', () => {
  it('keeps strong names seen once, and single-word names only when seen twice', () => {
    const names = findSpeakerNames([
      ['Python: a language'],
      ['Ana: Hi.'],
      ['Ana: Again.'],
      ['TOM: Hey.'],
      ['Tom Okafor: Yo.'],
    ])
    expect([...names].sort()).toEqual(['Ana', 'TOM', 'Tom Okafor'])
  })
})

describe('splitBySpeakerPrefix', () => {
  it('starts a run at each known name and folds the lines of a run', () => {
    const names = new Set(['ANA', 'TOM'])
    expect(splitBySpeakerPrefix(['intro words', 'ANA: Hi', 'there.', '- TOM: Hello.'], names)).toEqual([
      { voice: null, text: 'intro words' },
      { voice: 'ANA', text: 'Hi there.' },
      { voice: 'TOM', text: 'Hello.' },
    ])
  })

  it('leaves a prefix with an unknown name in the text', () => {
    expect(splitBySpeakerPrefix(['Python: a language'], new Set(['ANA']))).toEqual([
      { voice: null, text: 'Python: a language' },
    ])
  })
})
