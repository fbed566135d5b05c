// Who is on the other end of a request, as the per-address limits count it. Headers are
// whatever the client chose to send, so the address comes from the socket unless the
// operator says how many proxies in front of us append to X-Forwarded-For (TRUST_PROXY_HOPS).
// The web server (scripts/web-cluster.ts) resolves it once per request and passes it on in
// CLIENT_ADDRESS_HEADER, replacing anything the client sent under that name; the app and
// better-auth read only that header. docs/decisions/0005-auth-and-comments.md
import { isIP } from 'node:net'

/** Set by scripts/web-cluster.ts on every request (any incoming value is overwritten). */
export const CLIENT_ADDRESS_HEADER = 'x-hearsay-client-address'

/** No trusted address (`next dev`, a handler called without our server): one shared bucket. */
export const UNKNOWN_ADDRESS = 'unknown'

export interface AddressSources {
  /** The TCP peer (`request.socket.remoteAddress`). */
  socketAddress: string | undefined
  /** X-Forwarded-For as received (Node joins repeated headers with ", "). */
  forwardedFor?: string | string[] | undefined
  realIp?: string | string[] | undefined
}

/**
 * The client's address. hops = 0: the socket's peer; forwarding headers are ignored, since
 * anyone can send them. hops = n: the proxies append, so the chain
 * `X-Forwarded-For…, socket` is read from the right and the address n entries left of the
 * socket is the client as the outermost trusted proxy saw it (entries further left are
 * the client's own claims). A chain shorter than that yields its leftmost entry; without
 * X-Forwarded-For, X-Real-IP (set by a proxy) stands in.
 */
export function resolveClientAddress(sources: AddressSources, hops: number): string {
  const socket = normalizeAddress(sources.socketAddress)
  if (hops <= 0) return socket ?? UNKNOWN_ADDRESS
  const forwarded = joined(sources.forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (forwarded.length === 0)
    return normalizeAddress(joined(sources.realIp).trim()) ?? socket ?? UNKNOWN_ADDRESS
  const chain = socket ? [...forwarded, socket] : forwarded
  const picked = chain[Math.max(0, chain.length - 1 - hops)]
  return normalizeAddress(picked) ?? UNKNOWN_ADDRESS
}

/**
 * An IP address in one spelling (IPv4-mapped IPv6 as IPv4, lower case), or undefined for
 * anything that is not an address: a forged "address" never becomes a limit key.
 */
export function normalizeAddress(value: string | undefined): string | undefined {
  if (!value) return undefined
  const trimmed = value.trim().toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed)?.[1]
  const address = mapped ?? trimmed
  return isIP(address) ? address : undefined
}

/**
 * The key a per-address limit counts under: an IPv6 client usually holds a whole /64, so
 * rotating addresses inside it must not buy new attempts; IPv4 addresses count one by one.
 */
export function addressLimitKey(address: string): string {
  if (isIP(address) !== 6) return address.slice(0, 64)
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  // An embedded IPv4 tail (::1.2.3.4) takes two groups; only the first four groups matter here.
  const missing = Math.max(0, 8 - left.length - right.length)
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((group) =>
    group.replace(/^0+(?=.)/, ''),
  )
}

function joined(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '')
}
