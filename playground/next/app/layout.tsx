import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { WidgentProvider } from '@widgent/react/next'
import '@widgent/playground-shared/style.css'
import { sessionUser } from './session'

export const metadata: Metadata = { title: 'Widgent playground · Next.js', icons: 'data:,' }

// The ids come from NEXT_PUBLIC_WIDGENT_*; the user from the session cookie, so the first render already has them.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await sessionUser()
  return (
    <html lang="en">
      <body>
        <WidgentProvider user={user && { id: user.id, name: user.name }}>{children}</WidgentProvider>
      </body>
    </html>
  )
}
