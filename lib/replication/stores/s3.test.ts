import { afterAll, beforeAll } from 'vitest'
import { startS3TestServer, type S3TestServer } from '../../../tests/replication/s3-server'
import { describeStoreContract } from '../../../tests/replication/store-contract'
import { S3Store } from './s3'

let server: S3TestServer
beforeAll(async () => {
  server = await startS3TestServer(['contract'])
})
afterAll(async () => {
  await server?.stop()
})

let n = 0
describeStoreContract(
  's3',
  () =>
    new S3Store({
      bucket: 'contract',
      root: `root-${n++}/nested`,
      endpoint: server.endpoint,
      accessKeyId: 'test',
      secretAccessKey: 'test',
    }),
)
