// One writer at a time inside this process, on a libSQL server. The raw handle is synchronous:
// while its BEGIN IMMEDIATE waits for sqld's write lock, this process's event loop stands still.
// If the lock's holder is a Prisma transaction of this same process, that transaction needs the
// event loop to finish, and both wait until sqld's transaction timeout (5 s) rolls Prisma's back.
// So raw write transactions (lib/db/write-transaction.ts) and Prisma's transactions
// (lib/db/client.ts) take this gate, asynchronously, first. Other processes' writers are
// queued by sqld itself. The file engine needs no gate: its waits are sliced (ADR 0010).
// No imports and no side effects.

export class WriteGate {
  #held = false
  #waiting: (() => void)[] = []

  /** Resolves with a release function once no other holder in this process writes. */
  async acquire(): Promise<() => void> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve))
    this.#held = true
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.#waiting.shift()
      if (next) next()
      else this.#held = false
    }
  }
}

const shared = globalThis as typeof globalThis & { __hearsayWriteGate?: WriteGate }

/** The process's gate (on globalThis, so dev-mode reloads share one). */
export function processWriteGate(): WriteGate {
  return (shared.__hearsayWriteGate ??= new WriteGate())
}
