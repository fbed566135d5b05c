// Retention, as Litestream's retainer: keep every snapshot younger than the retention period, the
// WAL needed to roll them forward, and nothing older. A generation with no snapshot left inside
// the period is deleted whole, except the current one, which first gets a fresh snapshot.
import { type GenerationInfo, listReplica } from './listing'
import type { ReplicaStore } from './store'

export interface RetentionPlan {
  /** True when the current generation has no snapshot inside the period: take one, then plan again. */
  readonly currentNeedsSnapshot: boolean
  readonly deleteKeys: readonly string[]
}

export function planRetention(
  generations: readonly GenerationInfo[],
  currentGeneration: string,
  cutoffMs: number,
): RetentionPlan {
  const current = generations.find((g) => g.generation === currentGeneration)
  if (!current || !current.snapshots.some((s) => s.lastModifiedMs >= cutoffMs)) {
    return { currentNeedsSnapshot: true, deleteKeys: [] }
  }
  const deleteKeys: string[] = []
  for (const g of generations) {
    const kept = g.snapshots.filter((s) => s.lastModifiedMs >= cutoffMs)
    if (kept.length === 0) {
      // Snapshots first: a generation without one can no longer be chosen for a restore.
      deleteKeys.push(...g.snapshots.map((s) => s.key), ...g.segments.map((s) => s.key))
      continue
    }
    const oldestKeptIndex = Math.min(...kept.map((s) => s.index))
    deleteKeys.push(...g.snapshots.filter((s) => s.index < oldestKeptIndex).map((s) => s.key))
    deleteKeys.push(...g.segments.filter((s) => s.index < oldestKeptIndex).map((s) => s.key))
  }
  return { currentNeedsSnapshot: false, deleteKeys }
}

/** Lists the replica and applies the plan; returns the plan so the caller can snapshot when asked. */
export async function enforceRetention(
  store: ReplicaStore,
  currentGeneration: string,
  retentionMs: number,
  nowMs: number,
): Promise<RetentionPlan> {
  const listing = await listReplica(store)
  const plan = planRetention(listing.generations, currentGeneration, nowMs - retentionMs)
  if (plan.deleteKeys.length > 0) {
    try {
      await store.delete(plan.deleteKeys)
    } catch (error) {
      throw new Error(`retention: delete ${plan.deleteKeys.length} objects`, { cause: error })
    }
  }
  return plan
}
