// The durable-acknowledgement hook for comment creation (issue #4, item 7). When replication
// is configured, creating a comment should answer only once the comment is in the bucket.
// Replication (lib/replication/) is being built separately and is deliberately not imported
// here: until it is wired, this resolves at once and a comment is as durable as a local
// SQLite commit (WAL, synchronous=NORMAL).
//
// To wire it: call lib/replication's `waitUntilDurable(databasePath(env.DATABASE_URL))` here
// (its default instant, "now", is after the commit) when replication is configured, and turn
// a `{ durable: false, reason: 'timeout' }` into an error the API answers with 503 rather than
// hanging. createComment() already awaits this after its transaction commits.
import 'server-only'

export async function awaitDurable(): Promise<void> {
  // No replication wired yet: a committed transaction is all the durability there is.
}
