// The hosts' status page: which database this node runs on and how its copy keeps up. On an
// embedded-replica node (docs/scaling.md) it shows the primary, whether it answers, and how many
// frames and milliseconds this node's reads may lag behind it.
import type { Metadata } from 'next'
import Link from 'next/link'
import { allowedOrInterrupt } from '@/app/studio/_components/studio-access'
import { currentContext } from '@/lib/operations/server-context'
import { serverStatus } from '@/lib/studio/server-status'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Server status' }

export default async function ServerStatusPage() {
  const status = allowedOrInterrupt(serverStatus(await currentContext()), '/studio/status')
  const { database, replication } = status
  const replica = database.engine === 'libsql' ? database.replica : null
  return (
    <section className="studio">
      <p>
        <Link href="/studio">← Studio</Link>
      </p>
      <h1>Server status</h1>
      <section aria-labelledby="database-heading">
        <h2 id="database-heading">Database</h2>
        <dl className="status-list">
          <dt>Engine</dt>
          <dd>{database.engine === 'file' ? 'SQLite file' : 'libSQL server (sqld)'}</dd>
          <dt>Where</dt>
          <dd>{database.description}</dd>
          {database.engine === 'libsql' ? (
            <>
              <dt>Primary</dt>
              <dd>{database.primary}</dd>
              <dt>Reads</dt>
              <dd>{replica ? `from this node's embedded replica (${replica.path})` : 'from the primary'}</dd>
            </>
          ) : null}
          {replica ? (
            <>
              <dt>Primary reachable</dt>
              <dd>
                {replica.primaryReachable
                  ? 'yes'
                  : `no: writes are refused (503), reads go on${replica.lastError ? ` (${replica.lastError})` : ''}`}
              </dd>
              <dt>Replica lag</dt>
              <dd>
                {replica.lagFrames === null ? 'unknown' : `${replica.lagFrames} frames`},{' '}
                {replica.stalenessMs === null ? 'never synced' : `data at most ${replica.stalenessMs} ms old`}{' '}
                (sync every {replica.syncIntervalMs} ms)
              </dd>
              <dt>Frames</dt>
              <dd>
                replica {replica.replicaFrame ?? '–'}, primary {replica.primaryFrame ?? '–'}; {replica.syncs}{' '}
                syncs
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="replication-heading">
        <h2 id="replication-heading">Backup replication</h2>
        <p>
          {!replication.configured
            ? database.engine === 'file'
              ? 'Off (set REPLICA_URL to stream the database to S3 or a folder).'
              : 'Not used on a libSQL server: back up the primary (docs/scaling.md).'
            : !replication.running
              ? `Not running: ${replication.problem}`
              : `${replication.state}; lag ${replication.replicationLagMs ?? '–'} ms; ${replication.pendingObjects} objects pending${replication.lastError ? `; last error: ${replication.lastError}` : ''}`}
        </p>
      </section>
    </section>
  )
}
