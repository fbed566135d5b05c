// The caller of the current page render or server action, from Next's request headers.
import 'server-only'
import { headers } from 'next/headers'
import { cache } from 'react'
import { auth } from '@/lib/auth/auth'
import type { Caller } from '@/lib/auth/caller'
import { clientIp, getCaller } from '@/lib/auth/request-caller'
import { viewerOnShow } from '@/lib/auth/show-access'
import { prisma } from '@/lib/db/client'

/** Cached per request: the layout's account menu and the page ask for the same caller. */
export const getCurrentCaller = cache(async (): Promise<Caller | null> =>
  getCaller(prisma(), auth(), await headers()),
)

/**
 * The current caller as they act on one show (a host without a grant on it is a listener there),
 * for pages that offer only what the caller may do; cached per request like the caller.
 */
export const getCurrentCallerOnShow = cache(async (showId: number): Promise<Caller | null> =>
  viewerOnShow(prisma(), await getCurrentCaller(), showId),
)

export async function currentClientIp(): Promise<string> {
  return clientIp(await headers())
}
