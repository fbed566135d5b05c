// Prisma stores a DateTime in SQLite as fixed-width ISO text with a "+00:00" offset. Rows the
// raw connection writes use the same text, so they read back through Prisma like any other and
// comparing texts (`createdAt >= ?`, a rate window's end) compares times.

export function prismaDateTime(time: Date | number): string {
  return new Date(time).toISOString().replace('Z', '+00:00')
}
