// The security headers of every response, in one place: a Content-Security-Policy whose scripts
// need this request's nonce (Next reads the nonce from the request's CSP header and puts it on
// its own scripts), no framing by anyone (frame-ancestors 'none' and X-Frame-Options for old
// browsers), no MIME sniffing, and a referrer that leaves the site as its origin only.
// Audio and artwork may come from a podcast's own host, so media and images allow any http(s)
// origin; scripts, styles, fonts, forms and connections stay on this origin.

/** The CSP for a page rendered with `nonce`; `dev` allows React's eval-based debugging. */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Next and React write style attributes for some components; style attributes cannot carry
    // a nonce, and styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: https: http:`,
    `media-src 'self' blob: https: http:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

/** Headers every response carries, pages and API alike. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/** For responses that are not HTML pages (API, files): nothing may run or frame them. */
export const NON_PAGE_CSP = `default-src 'none'; frame-ancestors 'none'`
