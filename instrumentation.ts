// Next calls register() once in every server process, inside its own bundle, before the first
// request. It hands the web worker (scripts/web-cluster.ts) the handlers it answers beside
// Next's router (lib/http/direct-routes.ts, docs/decisions/0027): the route's own GET, so the
// search code and its caches exist once per process. `next dev` has no worker and ignores them.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { offerDirectRoutes } = await import('@/lib/http/direct-routes')
  const search = await import('@/app/api/search/route')
  offerDirectRoutes({ '/api/search': search.GET })
}
