// The HTTP methods any route of the app answers. No imports: the web server
// (scripts/web-cluster.ts) loads this before Next has set itself up (importing next/server that
// early stops Next from starting), and proxy.ts checks the same list through
// lib/http/request-guards.ts.

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/**
 * Whether any route could answer the method. TRACE, TRACK and CONNECT cannot even become a
 * fetch Request (Next's proxy would throw: 500), so scripts/web-cluster.ts asks this before
 * Next does; proxy.ts asks it for the rest (PROPFIND, …) and under `next dev`.
 */
export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method.toUpperCase())
}

export function methodNotAllowedMessage(method: string): string {
  return `The method ${method.toUpperCase().slice(0, 20)} is not allowed.`
}
