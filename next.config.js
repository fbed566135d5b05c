// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Pin the workspace root: a package-lock.json in a parent folder would otherwise make
  // Turbopack guess the wrong root.
  turbopack: { root: import.meta.dirname },
  poweredByHeader: false,
  // NEXT_DIST_DIR lets a second build live beside the first (a parallel e2e run on another
  // E2E_PORT builds into .tmp/…); the default is Next's own.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The container image (scripts/build-image.sh, Containerfile) builds with NEXT_OUTPUT=standalone:
  // Next then copies the server's traced dependencies into <distDir>/standalone. Off otherwise:
  // `npm start` and the tests serve from the project folder and would only pay for the copy.
  ...(process.env.NEXT_OUTPUT === 'standalone' && {
    output: 'standalone',
    outputFileTracingIncludes: {
      // Quote cards (/episodes/…/moments/…/card.png) read their fonts from node_modules by
      // computed paths (lib/quote-card/card-fonts.ts): the weights drawn, as .woff (satori reads
      // no woff2), and the CSS that lists the subsets. Turbopack matched no narrower key here.
      '*': [
        './node_modules/@fontsource/*/{400,700}.css',
        './node_modules/@fontsource/*/files/*-{400,700}-normal.woff',
      ],
    },
    outputFileTracingExcludes: {
      // Prisma's runtime ships a query engine and compiler for every database; this app uses
      // SQLite's compiler (engineType "client"). The rest is ~45 MB the image need not carry.
      '*': [
        './node_modules/@prisma/client/runtime/query_engine_bg.*',
        './node_modules/@prisma/client/runtime/*.{postgresql,cockroachdb,mysql,sqlserver}.*',
      ],
    },
  }),
  // `npm test` type-checks the whole project (tsc --noEmit) before anything else; checking
  // again inside every build would only slow down `npm start`.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() answers a signed-in listener on the hosts' pages with 403 (app/forbidden.tsx).
    authInterrupts: true,
    serverActions: {
      // Transcript uploads from the hosts' pages go through a server action: the largest
      // transcript accepted (10 MB, lib/episodes/transcript-upload.ts) plus multipart overhead.
      // Next stops reading a bigger body at this size. Audio files do not come this way: they
      // stream to disk through PUT /api/episodes/:slug/audio, which proxy.ts does not buffer.
      bodySizeLimit: '11mb',
    },
    // proxy.ts sees every body it matches up to this size (beyond it, silently truncated): as
    // large as a server action may be.
    proxyClientMaxBodySize: '11mb',
  },
}

export default nextConfig
