import { describe, expect, it } from 'vitest'
import { describeError } from './log'

describe('describeError', () => {
  it('joins an error and its causes', () => {
    const error = new Error('upload wal segment', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') })
    expect(describeError(error)).toBe('upload wal segment: connect ECONNREFUSED 127.0.0.1:1')
  })

  it("names an S3 error's code and HTTP status, which a server's empty message would hide", () => {
    // What @aws-sdk/client-s3 throws when Ceph RGW refuses a signature with an empty <Message>.
    const refused = Object.assign(new Error('UnknownError'), {
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    })
    expect(describeError(new Error('list s3://hearsay/db/generations/', { cause: refused }))).toBe(
      'list s3://hearsay/db/generations/: UnknownError (SignatureDoesNotMatch, HTTP 403)',
    )
    const named = Object.assign(new Error('NoSuchBucket: The specified bucket does not exist'), {
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    })
    expect(describeError(named)).toBe('NoSuchBucket: The specified bucket does not exist (HTTP 404)')
  })
})
