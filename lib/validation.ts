// Input rules shared by every feature: ids and the like. Feature schemas live beside their
// feature (lib/comments/schemas.ts, lib/corrections/schemas.ts) and build on these.
import { z } from 'zod'

/** SQLite ids fit in 64 bits, but Prisma's Int is 32-bit: a larger id would be a 500, not a 404. */
export const MAX_ID = 2_147_483_647

/** A positive integer id, from a number or a numeric string (paths, form fields). */
export const IdSchema = z.coerce.number({ error: 'must be a number' }).int().positive().max(MAX_ID)
