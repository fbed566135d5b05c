import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import { AccountMenu } from '@/app/_components/account-menu'
import { SearchBox } from '@/app/_components/search-box'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Hearsay', template: '%s · Hearsay' },
  description: 'Search every podcast transcript and land on the exact sentence.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

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
        <main id="main">{children}</main>
        <footer className="site-footer">
          Hearsay — podcast transcripts you can search, quote and correct.
        </footer>
      </body>
    </html>
  )
}
