// A comment's text, on the episode page and in the moderation queue: React text nodes and, for http(s) URLs only, links marked as user
// content. Never HTML, so markup in a comment shows as the characters typed.
import { autolink, LINK_REL } from '@/lib/comments/autolink'

export function CommentBody({ text }: { text: string }) {
  return (
    <p className="comment-body">
      {autolink(text).map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} rel={LINK_REL} target="_blank">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  )
}
