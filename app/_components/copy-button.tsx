'use client'
// A button that copies a given text (a URL, a feed tag) and says so in a polite live region.
import { useState } from 'react'

export function CopyButton(props: { text: string; label: string; className?: string }) {
  const { text, label, className } = props
  const [status, setStatus] = useState('')
  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setStatus('Copied')
    } catch {
      setStatus('Copy failed: select the text and copy it')
    }
  }
  return (
    <>
      <button type="button" className={className} onClick={copy}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="muted">
        {status}
      </span>
    </>
  )
}
