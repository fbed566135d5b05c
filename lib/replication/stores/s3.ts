// A replica in an S3-compatible bucket, written with @aws-sdk/client-s3. Everything S3-specific
// lives here. Bodies are always Buffers (streams would be sent aws-chunked, which some
// S3-compatible servers store verbatim), objects above the multipart threshold go in parts.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import type { ReplicaStore, StoredObject } from '../store'

/** Region used when none is configured (Litestream's default with a custom endpoint). */
export const DEFAULT_S3_REGION = 'us-east-1'
/** Time one S3 request may take before it is abandoned and retried, in ms. 0 = no limit. */
export const DEFAULT_S3_REQUEST_TIMEOUT_MS = 30_000
/** Attempts the SDK makes per request before the replicator's own backoff takes over. */
export const DEFAULT_S3_MAX_ATTEMPTS = 3
/** Objects larger than this go up as a multipart upload, in parts of this size (bytes, ≥ 5 MiB). */
export const DEFAULT_MULTIPART_PART_BYTES = 8 * 1024 * 1024
const DELETE_BATCH_KEYS = 1000

export interface S3Settings {
  readonly bucket: string
  /** Key prefix inside the bucket (the replica URL's path), without slashes at either end. */
  readonly root: string
  /** `http(s)://host:port` of an S3-compatible server; unset means AWS. */
  readonly endpoint?: string
  readonly region?: string
  /** Path-style URLs (`endpoint/bucket/key`); defaults to true whenever an endpoint is set. */
  readonly forcePathStyle?: boolean
  readonly accessKeyId?: string
  readonly secretAccessKey?: string
  readonly requestTimeoutMs?: number
  readonly maxAttempts?: number
  readonly multipartPartBytes?: number
}

export class S3Store implements ReplicaStore {
  readonly description: string
  private readonly client: S3Client
  private readonly partBytes: number

  constructor(private readonly settings: S3Settings) {
    this.description = `s3://${settings.bucket}/${settings.root}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`
    this.partBytes = Math.max(settings.multipartPartBytes ?? DEFAULT_MULTIPART_PART_BYTES, 5 * 1024 * 1024)
    const custom = settings.endpoint !== undefined
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region ?? DEFAULT_S3_REGION,
      forcePathStyle: settings.forcePathStyle ?? custom,
      maxAttempts: settings.maxAttempts ?? DEFAULT_S3_MAX_ATTEMPTS,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // throwOnRequestTimeout: without it an expired request only logs a warning and keeps waiting.
      requestHandler: {
        requestTimeout: settings.requestTimeoutMs ?? DEFAULT_S3_REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
        connectionTimeout: 5_000,
      },
      // Many S3-compatible servers do not implement the newer flexible checksums; LZ4 frames carry their own.
      ...(custom
        ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
        : {}),
    })
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const Key = this.fullKey(key)
    try {
      if (body.length <= this.partBytes) {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.settings.bucket,
            Key,
            Body: Buffer.from(body.buffer, body.byteOffset, body.length),
          }),
        )
      } else {
        await this.putMultipart(Key, body)
      }
    } catch (error) {
      throw new Error(`put s3://${this.settings.bucket}/${Key}`, { cause: error })
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    const Key = this.fullKey(key)
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key }))
      if (!response.Body) throw new Error('response has no body')
      return await response.Body.transformToByteArray()
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null
      throw new Error(`get s3://${this.settings.bucket}/${Key}`, { cause: error })
    }
  }

  async head(key: string): Promise<StoredObject | null> {
    const Key = this.fullKey(key)
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key }))
      return {
        key,
        sizeBytes: response.ContentLength ?? 0,
        lastModifiedMs: response.LastModified?.getTime() ?? 0,
      }
    } catch (error) {
      // A HEAD response has no body, so a missing key (and a missing bucket) is only "NotFound", 404.
      // Saying "absent" for a deleted bucket is safe: the replicator then starts a new generation,
      // whose first upload fails loudly until the bucket exists again.
      const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } }
      if (name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404) return null
      throw new Error(`head s3://${this.settings.bucket}/${Key}`, { cause: error })
    }
  }

  async list(prefix: string): Promise<StoredObject[]> {
    const found: StoredObject[] = []
    const rootPrefix = this.settings.root ? `${this.settings.root}/` : ''
    let token: string | undefined
    try {
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.settings.bucket,
            Prefix: rootPrefix + prefix,
            ContinuationToken: token,
          }),
        )
        for (const object of page.Contents ?? []) {
          if (!object.Key?.startsWith(rootPrefix)) continue
          found.push({
            key: object.Key.slice(rootPrefix.length),
            sizeBytes: object.Size ?? 0,
            lastModifiedMs: object.LastModified?.getTime() ?? 0,
          })
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
    } catch (error) {
      throw new Error(`list s3://${this.settings.bucket}/${rootPrefix}${prefix}`, { cause: error })
    }
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += DELETE_BATCH_KEYS) {
      const batch = keys.slice(i, i + DELETE_BATCH_KEYS).map((key) => ({ Key: this.fullKey(key) }))
      try {
        const result = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.settings.bucket, Delete: { Objects: batch, Quiet: true } }),
        )
        const failed = (result.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey')
        if (failed.length > 0)
          throw new Error(`${failed.length} keys not deleted, first: ${failed[0]?.Key} ${failed[0]?.Code}`)
      } catch (error) {
        throw new Error(`delete ${batch.length} objects from s3://${this.settings.bucket}`, { cause: error })
      }
    }
  }

  close(): void {
    this.client.destroy()
  }

  private fullKey(key: string): string {
    return this.settings.root ? `${this.settings.root}/${key}` : key
  }

  private async putMultipart(Key: string, body: Uint8Array): Promise<void> {
    const Bucket = this.settings.bucket
    const { UploadId } = await this.client.send(new CreateMultipartUploadCommand({ Bucket, Key }))
    if (!UploadId) throw new Error('CreateMultipartUpload returned no upload id')
    try {
      const parts: { ETag: string; PartNumber: number }[] = []
      for (let start = 0, PartNumber = 1; start < body.length; start += this.partBytes, PartNumber++) {
        const chunk = body.subarray(start, Math.min(start + this.partBytes, body.length))
        const Body = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)
        const { ETag } = await this.client.send(
          new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body }),
        )
        if (!ETag) throw new Error(`UploadPart ${PartNumber} returned no ETag`)
        parts.push({ ETag, PartNumber })
      }
      await this.client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }),
      )
    } catch (error) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }))
        .catch(() => undefined)
      throw error
    }
  }
}
