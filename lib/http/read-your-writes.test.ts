import { describe, expect, it } from 'vitest'
import { seenFrame, SEEN_FRAME_COOKIE } from '@/lib/http/read-your-writes'

describe('the seen-frame cookie', () => {
  it('is read from among other cookies', () => {
    expect(seenFrame(undefined)).toBeNull()
    expect(seenFrame('session=abc')).toBeNull()
    expect(seenFrame(`${SEEN_FRAME_COOKIE}=42`)).toBe(42)
    expect(seenFrame(`a=1; ${SEEN_FRAME_COOKIE}=1234; b=2`)).toBe(1234)
  })

  it('ignores anything that is not a frame number', () => {
    expect(seenFrame(`${SEEN_FRAME_COOKIE}=-1`)).toBeNull()
    expect(seenFrame(`${SEEN_FRAME_COOKIE}=12abc`)).toBeNull()
    expect(seenFrame(`x${SEEN_FRAME_COOKIE}=5`)).toBeNull()
    expect(seenFrame(`${SEEN_FRAME_COOKIE}=${'9'.repeat(30)}`)).toBeNull()
  })
})
