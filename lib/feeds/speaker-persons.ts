// Which <podcast:person> a transcript's speaker label names, for the episode page (names and
// images beside speaker turns). Pure: the page reads Person rows (an episode's own, else its
// show's) and asks here. A label matches a person's name ignoring case, punctuation and the
// titles transcripts drop or spell out ("Dr. Ada Mensah" is "Ada Mensah" and "Doctor Ada Mensah").
export interface SpeakerPerson {
  name: string
  role: string
  imageUrl: string | null
  href: string | null
}

const TITLES = new Set(['dr', 'doctor', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'sir', 'dame'])

/** An episode's own persons replace its show's (Podcasting 2.0); none of its own: the show's. */
export function castOf<T>(episodePersons: readonly T[], showPersons: readonly T[]): readonly T[] {
  return episodePersons.length > 0 ? episodePersons : showPersons
}

export function personForSpeaker<T extends SpeakerPerson>(
  speaker: string | null,
  persons: readonly T[],
): T | null {
  if (!speaker) return null
  const key = nameKey(speaker)
  if (!key) return null
  return persons.find((person) => nameKey(person.name) === key) ?? null
}

function nameKey(name: string): string {
  return name
    .toLowerCase()
    .split(/[\s.,]+/)
    .map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ''))
    .filter((word) => word && !TITLES.has(word))
    .join(' ')
}
