// Where the replicator's log lines go. One line per state change, never one per retry.

export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`replication: ${message}`),
  warn: (message) => console.warn(`replication: ${message}`),
  error: (message) => console.error(`replication: ${message}`),
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

/**
 * One error's message. An S3 error also gets its code and HTTP status: some servers send an empty
 * message, which the SDK turns into "UnknownError", and the code (SignatureDoesNotMatch,
 * AccessDenied, NoSuchBucket) is what tells a user what to fix.
 */
function describeOne(error: Error): string {
  const message = error.message || error.name
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  if (status === undefined) return message
  const code = error.name && error.name !== 'Error' && !message.includes(error.name) ? `${error.name}, ` : ''
  return `${message} (${code}HTTP ${status})`
}

/** The message of an error and of each of its causes, joined: `upload wal segment …: put …: connect ECONNREFUSED`. */
export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 6; depth++) {
    if (current instanceof Error) {
      const text = describeOne(current)
      if (text && !parts.includes(text)) parts.push(text)
      current = current.cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(': ')
}
