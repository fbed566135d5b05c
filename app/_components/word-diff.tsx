// A word-level diff, inline: deletions struck through, additions underlined, each with words
// for screen readers. No hooks, so server pages (history, suggestions) and client panels share it.
import { wordDiff } from '@/lib/corrections/word-diff'

export function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = wordDiff(before, after)
  return (
    <span className="word-diff">
      {parts.map((part, index) => {
        const text = index < parts.length - 1 ? `${part.text} ` : part.text
        if (part.op === 'same') return <span key={index}>{text}</span>
        if (part.op === 'del')
          return (
            <del key={index} aria-label={`removed: ${part.text}`}>
              {text}
            </del>
          )
        return (
          <ins key={index} aria-label={`added: ${part.text}`}>
            {text}
          </ins>
        )
      })}
    </span>
  )
}
