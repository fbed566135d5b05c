import { describe, expect, it } from 'vitest'
import {
  DEFAULT_DATABASE_URL,
  parseReplicationEnv,
  replicatorOptionsFromConfig,
  storeFromConfig,
} from './config'
import { parseReplicaUrl } from './store'

describe('replication config', () => {
  it('defaults to the app database and no replication', () => {
    const config = parseReplicationEnv({})
    expect(DEFAULT_DATABASE_URL).toBe('file:./data/hearsay.db')
    expect(config).toMatchObject({ databasePath: './data/hearsay.db', replicaUrl: null })
    expect(() => storeFromConfig(config)).toThrow('REPLICA_URL is not set')
  })

  it('reads every setting', () => {
    const config = parseReplicationEnv({
      DATABASE_URL: 'file:./prisma/dev.db?connection_limit=1',
      REPLICA_URL: 's3://backups/hearsay/prod',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'eu-west-1',
      S3_FORCE_PATH_STYLE: 'false',
      AWS_ACCESS_KEY_ID: 'key',
      AWS_SECRET_ACCESS_KEY: 'secret',
      REPLICATION_SYNC_INTERVAL_MS: '250',
      REPLICATION_RETENTION_MS: '0',
      REPLICATION_MIN_CHECKPOINT_PAGE_COUNT: '500',
      REPLICATION_REPLICA_CHECK_INTERVAL_MS: '15000',
    })
    expect(config.databasePath).toBe('./prisma/dev.db')
    expect(config.env).toMatchObject({ S3_REGION: 'eu-west-1', S3_FORCE_PATH_STYLE: false })
    const store = storeFromConfig(config)
    expect(store.description).toBe('s3://backups/hearsay/prod at http://127.0.0.1:9000')
    store.close()
    expect(replicatorOptionsFromConfig(config, store)).toMatchObject({
      syncIntervalMs: 250,
      retentionMs: 0,
      minCheckpointPageCount: 500,
      replicaCheckIntervalMs: 15_000,
      snapshotIntervalMs: undefined,
    })
  })

  it('lists every invalid variable at once', () => {
    let message = ''
    try {
      parseReplicationEnv({
        DATABASE_URL: 'postgres://db',
        REPLICA_URL: 'ftp://somewhere',
        S3_ENDPOINT: 'localhost:9000',
        S3_FORCE_PATH_STYLE: 'yes',
        AWS_ACCESS_KEY_ID: 'only-the-key',
        REPLICATION_SYNC_INTERVAL_MS: '0',
        REPLICATION_RETENTION_MS: '1.5',
        REPLICATION_REPLICA_CHECK_INTERVAL_MS: '-1',
      })
    } catch (error) {
      message = (error as Error).message
    }
    for (const name of [
      'DATABASE_URL',
      'REPLICA_URL',
      'S3_ENDPOINT',
      'S3_FORCE_PATH_STYLE',
      'AWS_SECRET_ACCESS_KEY',
      'REPLICATION_SYNC_INTERVAL_MS',
      'REPLICATION_RETENTION_MS',
      'REPLICATION_REPLICA_CHECK_INTERVAL_MS',
    ]) {
      expect(message).toContain(`  ${name}: `)
    }
    expect(message).not.toContain('only-the-key')
  })

  it('parses replica URLs', () => {
    expect(parseReplicaUrl('s3://bucket/a/b/')).toEqual({ kind: 's3', bucket: 'bucket', root: 'a/b' })
    expect(parseReplicaUrl('s3://bucket')).toEqual({ kind: 's3', bucket: 'bucket', root: '' })
    expect(parseReplicaUrl('file:///var/backups/hearsay')).toEqual({
      kind: 'file',
      directory: '/var/backups/hearsay',
    })
    expect(parseReplicaUrl('file:./.replica').kind).toBe('file')
    expect(() => parseReplicaUrl('s3://Bad_Bucket/x')).toThrow('not a valid S3 bucket name')
    expect(() => parseReplicaUrl('/plain/path')).toThrow('expected s3://bucket/path or file:///absolute/path')
  })
})
