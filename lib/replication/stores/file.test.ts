import { afterAll } from 'vitest'
import { describeStoreContract } from '../../../tests/replication/store-contract'
import { makeWorkDir, removeWorkDir } from '../../../tests/replication/sqlite'
import { FileStore } from './file'

const dir = makeWorkDir('file-store')
afterAll(() => removeWorkDir(dir))

let n = 0
describeStoreContract('file', () => new FileStore(`${dir}/replica-${n++}`))
