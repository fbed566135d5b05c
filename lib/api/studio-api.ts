// The hosts' JSON API (docs/api.md): shows and episodes made by hand, episode metadata, transcript
// and audio uploads. Thin adapters over lib/shows/operations.ts, lib/episodes/*.ts; every
// decision (who, what is valid) is the operations'.
import 'server-only'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { uploadEpisodeAudio } from '@/lib/episodes/audio-upload'
import { createEpisode, setEpisodeAudioUrl, updateEpisode } from '@/lib/episodes/operations'
import { readCapped, uploadTranscript } from '@/lib/episodes/transcript-upload'
import { env, publicUrl } from '@/lib/env'
import { readJsonBody, toJsonResponse } from '@/lib/http/json-response'
import { edgeRefusal } from '@/lib/http/request-guards'
import { NON_PAGE_CSP, STATIC_SECURITY_HEADERS } from '@/lib/http/security-headers'
import { setCommentsEnabled } from '@/lib/moderation/operations'
import { createShow } from '@/lib/shows/operations'

/** POST /api/shows — { title, slug?, description? } → 201 { show } */
export async function createShowHandler(deps: ApiDeps, request: Request) {
  const ctx = await requestContext(deps, request)
  return toJsonResponse(await createShow(ctx, await readJsonBody(request)), (created) => created, 201)
}

/** POST /api/shows/:slug/episodes — { title, slug?, description?, publishedAt? } → 201 { episode } */
export async function createEpisodeHandler(deps: ApiDeps, request: Request, showSlug: string) {
  const ctx = await requestContext(deps, request)
  const result = await createEpisode(ctx, { showSlug, body: await readJsonBody(request) })
  return toJsonResponse(result, (created) => created, 201)
}

/**
 * PATCH /api/episodes/:slug — `{ commentsEnabled }` alone (hosts' moderation setting), or any of
 * the metadata fields → 200.
 */
export async function patchEpisodeHandler(deps: ApiDeps, request: Request, slug: string) {
  const ctx = await requestContext(deps, request)
  const body = await readJsonBody(request)
  if (isOnly(body, 'commentsEnabled'))
    return toJsonResponse(await setCommentsEnabled(ctx, { slug, body }), () => ({ ok: true }))
  return toJsonResponse(await updateEpisode(ctx, { slug, body }), (updated) => updated)
}

function isOnly(body: unknown, key: string): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).join() === key
}

const FILE_NAME_MAX_LENGTH = 255

/** PUT /api/episodes/:slug/transcript — the file as the body (Content-Type text/vtt, …), ?fileName= → 200 { report } */
export async function putTranscriptHandler(deps: ApiDeps, request: Request, slug: string) {
  const ctx = await requestContext(deps, request)
  const url = new URL(request.url)
  const fileName = (url.searchParams.get('fileName') ?? '').slice(0, FILE_NAME_MAX_LENGTH) || `${slug}.upload`
  const file = {
    name: fileName,
    type: mimeType(request),
    size: declaredLength(request),
    read: (maxBytes: number) => readCapped(request.body, maxBytes),
  }
  return toJsonResponse(await uploadTranscript(ctx, { slug, file }), (report) => ({ report }))
}

/**
 * PUT /api/episodes/:slug/audio — an audio file as the body (Content-Type audio/…), streamed to
 * disk against AUDIO_MAX_BYTES; or `{ audioUrl }` as JSON to play audio hosted elsewhere.
 * proxy.ts does not run for this path (it would buffer the whole body first; next.config.js
 * proxyClientMaxBodySize), so its checks and headers are applied here.
 */
export async function putAudioHandler(deps: ApiDeps, request: Request, slug: string) {
  const refused = edgeRefusal(
    { method: request.method, pathname: new URL(request.url).pathname, headers: request.headers },
    new URL(publicUrl(env)).origin,
  )
  if (refused) return withApiHeaders(refused)
  const ctx = await requestContext(deps, request)
  const type = mimeType(request)
  if (type === 'application/json') {
    const result = await setEpisodeAudioUrl(ctx, { slug, body: await readJsonBody(request) })
    return withApiHeaders(toJsonResponse(result, (audio) => audio))
  }
  const upload = {
    slug,
    type,
    declaredBytes: declaredLength(request),
    content: request.body ?? new Uint8Array(),
  }
  return withApiHeaders(toJsonResponse(await uploadEpisodeAudio(ctx, upload), (audio) => audio))
}

/** The headers proxy.ts gives every response, for the routes it does not run on. */
export function withApiHeaders<R extends Response>(response: R): R {
  response.headers.set('Content-Security-Policy', NON_PAGE_CSP)
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value)
  return response
}

function mimeType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

function declaredLength(request: Request): number | null {
  const header = request.headers.get('content-length')
  return header && /^\d+$/.test(header) ? Number(header) : null
}
