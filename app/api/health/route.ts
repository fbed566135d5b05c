// GET /api/health — for probes and tests: the database answers, and how replication is doing.
import { NextResponse } from 'next/server'
import { prisma } from '@/lib/db/client'
import { replicationHealth } from '@/lib/replication/health'

export const dynamic = 'force-dynamic'

export async function GET() {
  return NextResponse.json({
    ok: true,
    database: { episodes: await prisma().episode.count() },
    replication: replicationHealth(),
  })
}
