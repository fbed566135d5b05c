// Where the e2e server keeps its files (playwright.config.ts starts it with these).
import { resolve } from 'node:path'

export const E2E_DATABASE_URL = 'file:./.tmp/e2e/hearsay.db'
/** The e2e server replicates here, as a deployment would to a bucket. */
export const E2E_REPLICA_FOLDER = resolve('.tmp/e2e/replica')
