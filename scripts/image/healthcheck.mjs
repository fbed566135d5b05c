// The container's HEALTHCHECK (Containerfile, scripts/build-image.sh): healthy while the server
// answers GET /api/health with 200 within 4 s. Plain JavaScript on Node's fetch, so the image
// needs no curl and the check costs no TypeScript compile.
const port = process.env.PORT || '3000'
try {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(4000) })
  process.exit(response.ok ? 0 : 1)
} catch {
  process.exit(1)
}
