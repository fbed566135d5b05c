// npm run feed -- add <url> [--show <slug>]     add a show by its RSS feed and import every episode
// npm run feed -- refresh [<slug>] [--full]     re-poll one show's feed, or every show's
// npm run feed -- watch                         refresh every feed every FEED_REFRESH_INTERVAL_MS (npm start runs this)
// The report is printed per episode; exit 1 if anything failed. Acts as the OPERATOR through
// the same operations as the host pages (lib/feeds/operations.ts).
import { parseArgs } from 'node:util'
import { OPERATOR } from '@/lib/auth/caller'
import { commentPolicyFromEnv } from '@/lib/comments/policy'
import { prisma, sqlite } from '@/lib/db/client'
import { migrateDatabase } from '@/lib/db/migrate'
import { engine, env } from '@/lib/env'
import {
  addFeed,
  refreshAllFeeds,
  refreshFeed,
  type FeedOptions,
  type FeedReport,
} from '@/lib/feeds/operations'
import { summarizeReport } from '@/lib/feeds/report'
import type { OperationContext } from '@/lib/operations/context'
import { failureMessage } from '@/lib/failures'
import type { Result } from '@/lib/result'
import { feedReportLines } from '@/scripts/lib/feed-report-lines'
import { ProgressBar } from '@/scripts/lib/progress'

const USAGE = `usage:
  npm run feed -- add <url> [--show <slug>]
  npm run feed -- refresh [<slug>] [--full]
  npm run feed -- watch`

function context(): OperationContext {
  return { db: prisma(), sqlite: sqlite(), policy: commentPolicyFromEnv(), caller: OPERATOR, ip: 'cli' }
}

/** A progress bar that appears once the feed is read and its episodes counted. */
function withProgress(): { options: FeedOptions; done: () => void } {
  let bar: ProgressBar | null = null
  return {
    options: {
      onEpisode: (done, total, title) => {
        // One bar per feed (refreshing every show reads several).
        if (done === 1) {
          bar?.done()
          bar = new ProgressBar(total, process.stderr)
        }
        bar ??= new ProgressBar(total, process.stderr)
        bar.update(title)
        bar.advance()
      },
    },
    done: () => bar?.done(),
  }
}

/** Prints a result; true when nothing failed. */
function print(result: Result<FeedReport>, label: string): boolean {
  if (!result.ok) {
    console.log(`✗ ${label}: ${failureMessage(result.failure)}`)
    return false
  }
  for (const line of feedReportLines(result.value)) console.log(line)
  return !result.value.failed
}

async function refreshEverything(ctx: OperationContext, options: FeedOptions): Promise<boolean> {
  const all = await refreshAllFeeds(ctx, options)
  if (!all.ok) {
    console.log(`✗ refresh: ${failureMessage(all.failure)}`)
    return false
  }
  if (all.value.length === 0) console.log('No show has a feed yet: npm run feed -- add <url>')
  let good = true
  for (const { showSlug, result } of all.value) good = print(result, showSlug) && good
  return good
}

/** One line per show; the whole report only when something happened. */
async function refreshQuietly(ctx: OperationContext): Promise<void> {
  const all = await refreshAllFeeds(ctx, {})
  if (!all.ok) throw new Error(failureMessage(all.failure))
  for (const { showSlug, result } of all.value) {
    if (!result.ok) console.log(`feeds: ${showSlug}: ${failureMessage(result.failure)}`)
    else if (
      result.value.episodes.every((e) => e.outcome === 'unchanged') &&
      result.value.problems.length === 0
    )
      console.log(`feeds: ${showSlug}: ${summarizeReport(result.value)}`)
    else for (const line of feedReportLines(result.value)) console.log(`feeds: ${line}`)
  }
}

async function watch(ctx: OperationContext): Promise<never> {
  const every = env.FEED_REFRESH_INTERVAL_MS
  if (every === 0) {
    console.log('feeds: FEED_REFRESH_INTERVAL_MS is 0, no refreshing')
    process.exit(0)
  }
  process.on('SIGTERM', () => process.exit(0))
  process.on('SIGINT', () => process.exit(0))
  console.log(`feeds: refreshing every feed every ${Math.round(every / 1000)} s`)
  for (;;) {
    try {
      await refreshQuietly(ctx)
    } catch (error) {
      // A bug or an outage in one round must not stop the next.
      console.error(`feeds: refresh failed: ${error instanceof Error ? error.message : String(error)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, every))
  }
}

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        show: { type: 'string' },
        full: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, argument, ...rest] = positionals
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (
    rest.length > 0 ||
    !command ||
    (command === 'add' && !argument) ||
    !['add', 'refresh', 'watch'].includes(command)
  ) {
    console.error(USAGE)
    return 2
  }
  migrateDatabase(engine)
  const ctx = context()
  if (command === 'watch') return watch(ctx)
  const progress = withProgress()
  const options = { ...progress.options, unconditional: values.full }
  try {
    if (command === 'add') {
      const result = await addFeed(ctx, { url: argument, showSlug: values.show }, options)
      progress.done()
      return print(result, argument!) ? 0 : 1
    }
    const good = argument
      ? print(await refreshFeed(ctx, { showSlug: argument }, options), argument)
      : await refreshEverything(ctx, options)
    progress.done()
    return good ? 0 : 1
  } finally {
    await prisma().$disconnect()
  }
}

process.exitCode = await main()
