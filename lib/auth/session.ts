// The caller of the current page render or server action, from Next's request headers.
import 'server-only'
import { headers } from 'next/headers'
import { cache } from 'react'
import { auth } from '@/lib/auth/auth'
import type { Caller } from '@/lib/auth/caller'
import { clientIp, getCaller } from '@/lib/auth/request-caller'
import { prisma } from '@/lib/db/client'

/** Cached per request: the layout's account menu and the page ask for the same caller. */
export const getCurrentCaller = cache(async (): Promise<Caller | null> =>
  getCaller(prisma(), auth(), await headers()),
)

export async function currentClientIp(): Promise<string> {
  return clientIp(await headers())
}
