// 403: signed in, but this account may not open the page (forbidden() in the hosts' pages).
import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Not allowed' }

export default function Forbidden() {
  return (
    <section>
      <h1>Not allowed</h1>
      <p>This page is for the site&apos;s hosts. Your account cannot open it.</p>
      <p>
        <Link href="/">Back to the shows</Link>
      </p>
    </section>
  )
}
