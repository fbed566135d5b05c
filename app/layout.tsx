import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import { AccountMenu } from '@/app/_components/account-menu'
import { SearchBox } from '@/app/_components/search-box'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Hearsay', template: '%s · Hearsay' },
  description: 'Search every podcast transcript and land on the exact sentence.',
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  // The browser's bar takes the header's card colour (app/globals.css), light or dark.
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#1e2127' },
  ],
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Hearsay
          </Link>
          <SearchBox id="header-search" compact />
          <AccountMenu />
        </header>
        {/* tabIndex -1: the skip link moves focus here, so the next Tab continues in the content. */}
        <main id="main" tabIndex={-1}>
          {children}
          {/* The page's one polite live region (app/_components/announce.ts), in the HTML from the
              start so screen readers already watch it when the first message arrives. */}
          <div id="live-announcer" className="visually-hidden" role="status" aria-live="polite" />
        </main>
        <footer className="site-footer">
          Hearsay — podcast transcripts you can search, quote and correct.
        </footer>
      </body>
    </html>
  )
}
