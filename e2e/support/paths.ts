// Where the e2e server keeps its files (playwright.config.ts starts it with these).
import { resolve } from 'node:path'

// E2E_DIR moves them (a second e2e server on another E2E_PORT, while one already runs).
export const E2E_DIR = process.env.E2E_DIR ?? '.tmp/e2e'

export const E2E_DATABASE_URL = `file:./${E2E_DIR}/hearsay.db`
/** The e2e server replicates here, as a deployment would to a bucket. */
export const E2E_REPLICA_FOLDER = resolve(`${E2E_DIR}/replica`)
