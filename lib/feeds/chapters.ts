// Podcasting 2.0 JSON chapters (podcast-namespace docs/examples/chapters/jsonChapters.md):
// {"version":"1.2.0","chapters":[{"startTime":0,"title":"Intro","img":"…","url":"…","toc":false,"endTime":…}]},
// times in seconds. A chapter that cannot be read is left out with a problem; a file that is
// not a chapters document throws ChaptersParseError. Chapters come out sorted by start.
import { z } from 'zod'

const ChapterSchema = z.object({
  startTime: z.number().nonnegative(),
  endTime: z.number().nonnegative().nullish(),
  title: z.string().nullish(),
  img: z.string().nullish(),
  url: z.string().nullish(),
  toc: z.boolean().nullish(),
})

const ChaptersDocumentSchema = z.object({
  version: z.string().optional(),
  chapters: z.array(z.unknown()),
})

export interface Chapter {
  startMs: number
  endMs: number | null
  /** "" for a chapter without a title (a silent marker, usually with toc false). */
  title: string
  imageUrl: string | null
  url: string | null
  /** false: not listed in the table of contents nor shown as a jump point (spec's `toc`). */
  toc: boolean
}

export interface ParsedChapters {
  chapters: Chapter[]
  /** What was left out, and why ("chapters[3]: startTime: …"). */
  problems: string[]
}

export class ChaptersParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ChaptersParseError'
  }
}

/** Parses a JSON chapters file; `baseUrl` (where it came from) resolves relative img/url links. */
export function parseChapters(content: string | Uint8Array, baseUrl?: string): ParsedChapters {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ChaptersParseError(`chapters are not valid JSON (${(error as Error).message})`)
  }
  const document = ChaptersDocumentSchema.safeParse(json)
  if (!document.success) {
    throw new ChaptersParseError(
      'not a Podcasting 2.0 chapters file: expected an object with a "chapters" array',
    )
  }
  const problems: string[] = []
  const chapters: Chapter[] = []
  document.data.chapters.forEach((raw, index) => {
    const chapter = ChapterSchema.safeParse(raw)
    if (!chapter.success) {
      const issue = chapter.error.issues[0]
      problems.push(
        `chapters[${index}] skipped: ${issue?.path.join('.') || 'chapter'}: ${issue?.message ?? 'invalid'}`,
      )
      return
    }
    const { startTime, endTime, title, img, url, toc } = chapter.data
    const startMs = Math.round(startTime * 1000)
    const endMs = endTime == null ? null : Math.round(endTime * 1000)
    chapters.push({
      startMs,
      endMs: endMs != null && endMs > startMs ? endMs : null,
      title: title?.trim() ?? '',
      imageUrl: httpUrl(img, baseUrl, `chapters[${index}].img`, problems),
      url: httpUrl(url, baseUrl, `chapters[${index}].url`, problems),
      toc: toc !== false,
    })
  })
  chapters.sort((a, b) => a.startMs - b.startMs)
  return { chapters, problems }
}

function httpUrl(
  raw: string | null | undefined,
  baseUrl: string | undefined,
  where: string,
  problems: string[],
) {
  const text = raw?.trim()
  if (!text) return null
  try {
    const url = new URL(text, baseUrl)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
  } catch {
    // reported below
  }
  problems.push(`${where} "${text}" is not an http(s) URL; ignored`)
  return null
}
