// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Pin the workspace root: a package-lock.json in a parent folder would otherwise make
  // Turbopack guess the wrong root.
  turbopack: { root: import.meta.dirname },
  poweredByHeader: false,
}

export default nextConfig
