import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { SessionProvider } from 'next-auth/react'
import { WidgentProvider } from '@widgent/react/next'
import '@widgent/playground-shared/style.css'
import { auth } from '../auth'
import { WidgentIdentity } from './WidgentIdentity'

export const metadata: Metadata = { title: 'Auth.js · Next.js · Widgent', icons: 'data:,' }

// The session from the server, so useSession starts settled; the ids from NEXT_PUBLIC_WIDGENT_*.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth()
  return (
    <html lang="en">
      <body>
        <SessionProvider session={session}>
          <WidgentProvider>
            <WidgentIdentity />
            {children}
          </WidgentProvider>
        </SessionProvider>
      </body>
    </html>
  )
}
