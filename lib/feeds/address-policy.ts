// Which IP addresses a feed fetch may connect to. Everything that is not a public unicast
// address is refused by default (SSRF: a feed URL must not reach the server's own network,
// its loopback services or a cloud metadata endpoint). The ranges are IANA's special-purpose
// registries for IPv4 and IPv6. IPv6 forms that carry an IPv4 address (IPv4-mapped, the SIIT
// IPv4-translated form, NAT64 with the well-known and the local-use prefix, 6to4) are judged by the
// IPv4 address inside.
import { isIP } from 'node:net'

/** Why an address is not public; words used in messages ("127.0.0.1 is a loopback address"). */
export type AddressCategory =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared (CGNAT)'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'IPv4-compatible'
  | 'Teredo'
  | 'discard-only'

interface Range {
  bytes: number[]
  prefix: number
  category: AddressCategory
}

// Address block → what it is; IPv4 and IPv6 together, parsed into the two tables below.
const SPECIAL_BLOCKS: Array<[block: string, category: AddressCategory]> = [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared (CGNAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['100::/64', 'discard-only'],
  ['2001::/32', 'Teredo'],
  ['2001::/23', 'reserved'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
  // Deprecated IPv4-compatible form (::a.b.c.d); :: and ::1 are matched above.
  ['::/96', 'IPv4-compatible'],
]

const RANGES = SPECIAL_BLOCKS.map(([block, category]): Range & { family: 4 | 6 } => {
  const [address = '', prefix = ''] = block.split('/')
  const family = isIP(address) === 4 ? 4 : 6
  return {
    family,
    bytes: family === 4 ? parseIpv4(address) : parseIpv6(address),
    prefix: Number(prefix),
    category,
  }
})
const V4_RANGES = RANGES.filter((range) => range.family === 4)
const V6_RANGES = RANGES.filter((range) => range.family === 6)

// IPv6 prefixes whose low bits carry an IPv4 address that decides.
const IPV4_MAPPED = parseIpv6('::ffff:0:0')
/** SIIT's IPv4-translated addresses, ::ffff:0:a.b.c.d (RFC 2765 §2.1, ::ffff:0:0:0/96). */
const IPV4_TRANSLATED = parseIpv6('::ffff:0:0:0')
const NAT64 = parseIpv6('64:ff9b::')
/**
 * The local-use NAT64 prefix (RFC 8215, 64:ff9b:1::/48): a network picks a translation prefix
 * inside it; the IPv4 address is read from the last 32 bits, where a /96 prefix (DNS64's usual
 * choice) puts it.
 */
const LOCAL_NAT64 = parseIpv6('64:ff9b:1::')
const SIX_TO_FOUR = parseIpv6('2002::')

export interface AddressVerdict {
  address: string
  /** null: a public address, allowed. */
  category: AddressCategory | null
  /** For an IPv6 address that embeds an IPv4 one, that IPv4 address (it decided the verdict). */
  embeddedIpv4?: string
}

/** Classifies an IP address (v4 or v6 literal, without brackets). Throws for anything else. */
export function classifyAddress(address: string): AddressVerdict {
  const family = isIP(address)
  if (family === 4) return { address, category: categoryOf(parseIpv4(address), V4_RANGES) }
  if (family !== 6) throw new Error(`not an IP address: ${address}`)
  const bytes = parseIpv6(address.replace(/%.*$/, ''))
  const embedded = embeddedIpv4(bytes)
  if (embedded != null) {
    return {
      address,
      category: categoryOf(embedded, V4_RANGES),
      embeddedIpv4: embedded.join('.'),
    }
  }
  return { address, category: categoryOf(bytes, V6_RANGES) }
}

/** "127.0.0.1 is a loopback address", "::ffff:10.0.0.1 (10.0.0.1) is a private address". */
export function describeRefusal(verdict: AddressVerdict): string {
  return `${shownAddress(verdict)} is ${addressKind(verdict)}`
}

/** "10.0.0.1", or "::ffff:10.0.0.1 (10.0.0.1)" when an IPv4 address inside decided. */
export function shownAddress(verdict: AddressVerdict): string {
  return verdict.embeddedIpv4 ? `${verdict.address} (${verdict.embeddedIpv4})` : verdict.address
}

/** "a loopback address", "an unspecified address". */
export function addressKind(verdict: AddressVerdict): string {
  const category = verdict.category ?? 'public'
  const article = category === 'unspecified' || category.startsWith('IPv4') ? 'an' : 'a'
  return `${article} ${category} address`
}

function embeddedIpv4(bytes: number[]): number[] | null {
  if (
    startsWith(bytes, IPV4_MAPPED, 96) ||
    startsWith(bytes, IPV4_TRANSLATED, 96) ||
    startsWith(bytes, NAT64, 96) ||
    startsWith(bytes, LOCAL_NAT64, 48)
  )
    return bytes.slice(12)
  if (startsWith(bytes, SIX_TO_FOUR, 16)) return bytes.slice(2, 6)
  return null
}

function categoryOf(bytes: number[], ranges: Range[]): AddressCategory | null {
  return ranges.find((range) => startsWith(bytes, range.bytes, range.prefix))?.category ?? null
}

function startsWith(bytes: number[], prefixBytes: number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit += 8) {
    const bits = Math.min(8, prefix - bit)
    const mask = (0xff << (8 - bits)) & 0xff
    const index = bit / 8
    if (((bytes[index] ?? 0) & mask) !== ((prefixBytes[index] ?? 0) & mask)) return false
  }
  return true
}

function parseIpv4(address: string): number[] {
  return address.split('.').map(Number)
}

/** 16 bytes of an IPv6 literal ("::" and a trailing dotted quad allowed), already checked by isIP. */
function parseIpv6(address: string): number[] {
  let text = address.toLowerCase()
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (quad?.[1] != null) {
    const [a = 0, b = 0, c = 0, d = 0] = parseIpv4(quad[1])
    text = text.slice(0, -quad[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail == null || tail === '' ? [] : tail.split(':')
  const missing = 8 - headGroups.length - tailGroups.length
  const groups = [...headGroups, ...Array<string>(tail == null ? 0 : missing).fill('0'), ...tailGroups]
  return groups.flatMap((group) => {
    const value = parseInt(group, 16)
    return [value >> 8, value & 0xff]
  })
}
