// The header's link to the inbox, with how many entries are unread (read out as "Inbox 2 unread").
import Link from 'next/link'
import styles from '@/app/_components/inbox-link.module.css'
import { unreadCount } from '@/lib/notifications/operations'
import { currentContext } from '@/lib/operations/server-context'

export async function InboxLink() {
  const unread = unreadCount(await currentContext())
  return (
    <Link href="/inbox" data-unread={unread}>
      Inbox
      {unread > 0 ? (
        <>
          {' '}
          <span className={styles.count}>{unread}</span>
          <span className="visually-hidden"> unread</span>
        </>
      ) : null}
    </Link>
  )
}
