// better-auth's own endpoints (sign-up, sign-in, sign-out, session) under /api/auth/*, with
// its sign-in rate limiter. The app's pages use server actions; this serves API clients.
import { toNextJsHandler } from 'better-auth/next-js'
import { auth } from '@/lib/auth/auth'

export const dynamic = 'force-dynamic'

export const { GET, POST } = toNextJsHandler((request) => auth().handler(request))
