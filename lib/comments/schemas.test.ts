import { describe, expect, it } from 'vitest'
import { CommentFormSchema, COMMENT_MAX_LENGTH, NewCommentSchema } from './schemas'

describe('comment schemas', () => {
  it('trims the body and accepts exactly the maximum length', () => {
    expect(NewCommentSchema.parse({ body: '  hi  ' })).toEqual({ body: 'hi' })
    expect(NewCommentSchema.safeParse({ body: 'x'.repeat(COMMENT_MAX_LENGTH) }).success).toBe(true)
    expect(NewCommentSchema.safeParse({ body: 'x'.repeat(COMMENT_MAX_LENGTH + 1) }).success).toBe(false)
  })

  it('reads form fields: an empty parentId is a top-level comment', () => {
    expect(CommentFormSchema.parse({ body: 'a', parentId: '' })).toEqual({ body: 'a', parentId: null })
    expect(CommentFormSchema.parse({ body: 'a', parentId: '7' })).toEqual({ body: 'a', parentId: 7 })
    expect(CommentFormSchema.safeParse({ body: 'a', parentId: 'x' }).success).toBe(false)
  })
})
