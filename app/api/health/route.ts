// GET /api/health — for probes and tests: the database answers, which engine it is, how an
// embedded replica keeps up with its primary, and how replication to S3 is doing. A replica node
// whose primary is away still answers 200: it serves reads (database.replica.primaryReachable says so).
import { NextResponse } from 'next/server'
import { prisma } from '@/lib/db/client'
import { databaseHealth } from '@/lib/db/database-health'
import { replicationHealth } from '@/lib/replication/health'

export const dynamic = 'force-dynamic'

export async function GET() {
  const episodes = await prisma().episode.count()
  return NextResponse.json({
    ok: true,
    database: { episodes, ...databaseHealth() },
    replication: replicationHealth(),
  })
}
