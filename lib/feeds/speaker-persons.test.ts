import { describe, expect, it } from 'vitest'
import { castOf, personForSpeaker, type SpeakerPerson } from './speaker-persons'

const ada: SpeakerPerson = {
  name: 'Dr. Ada Mensah',
  role: 'guest',
  imageUrl: 'https://x.example/ada.png',
  href: null,
}
const marina: SpeakerPerson = { name: 'Marina Okafor', role: 'host', imageUrl: null, href: null }

describe('personForSpeaker', () => {
  it('matches a speaker label to a person by name, ignoring case, punctuation and titles', () => {
    expect(personForSpeaker('Dr. Ada Mensah', [marina, ada])).toBe(ada)
    expect(personForSpeaker('Doctor Ada Mensah', [marina, ada])).toBe(ada)
    expect(personForSpeaker('ada mensah', [marina, ada])).toBe(ada)
    expect(personForSpeaker('MARINA OKAFOR', [marina, ada])).toBe(marina)
  })

  it('matches nobody for another name, a first name alone or no label', () => {
    expect(personForSpeaker('Ada', [ada])).toBeNull()
    expect(personForSpeaker('Tom Lindqvist', [marina, ada])).toBeNull()
    expect(personForSpeaker(null, [marina])).toBeNull()
    expect(personForSpeaker('Dr.', [ada])).toBeNull()
  })

  it('uses an episode’s own persons instead of the show’s', () => {
    expect(castOf([ada], [marina])).toEqual([ada])
    expect(castOf([], [marina])).toEqual([marina])
  })
})
