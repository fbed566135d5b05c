import { describe, expect, it } from 'vitest'
import { buildThreads, countBySentence } from './thread-shape'
import type { CommentDto } from './types'

function comment(id: number, fields: Partial<CommentDto> = {}): CommentDto {
  return {
    id,
    episodeId: 1,
    sentenceId: 10,
    parentId: null,
    quote: 'q',
    body: `c${id}`,
    status: 'visible',
    deleted: false,
    removed: false,
    author: { id: 'u', name: 'U' },
    createdAt: '2026-01-01T00:00:00.000Z',
    editedAt: null,
    ...fields,
  }
}

describe('thread shape', () => {
  it('counts comments per sentence, leaving out deleted placeholders and removed stubs', () => {
    const counts = countBySentence([
      comment(1),
      comment(2, { parentId: 1 }),
      comment(3, { sentenceId: 11 }),
      comment(4, { deleted: true }),
      comment(6, { removed: true, status: 'hidden', body: '' }),
    ])
    expect([...counts]).toEqual([
      [10, 2],
      [11, 1],
    ])
  })

  it('nests replies under parents and makes orphans roots', () => {
    const threads = buildThreads([
      comment(1),
      comment(2, { parentId: 1 }),
      comment(3, { parentId: 2 }),
      comment(5, { parentId: 99 }),
    ])
    expect(threads.map((node) => node.comment.id)).toEqual([1, 5])
    expect(threads[0]!.replies[0]!.comment.id).toBe(2)
    expect(threads[0]!.replies[0]!.replies[0]!.comment.id).toBe(3)
  })
})
