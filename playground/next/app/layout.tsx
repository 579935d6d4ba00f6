import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { WidgentProvider } from '@widgent/react/next'
import '@widgent/playground-shared/style.css'
import { requestLauncherMode } from './launcher'
import { sessionUser } from './session'

export const metadata: Metadata = { title: 'Widgent playground · Next.js', icons: 'data:,' }

// The ids come from NEXT_PUBLIC_WIDGENT_*; the user from the session cookie, so the first render already has them.
// With ?launcher=facade (the playground's switch) the widget loads on intent, through the page's <WidgentLauncher>.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await sessionUser()
  const load = (await requestLauncherMode()) == 'facade' ? 'interaction' : undefined
  return (
    <html lang="en">
      <body>
        <WidgentProvider user={user && { id: user.id, name: user.name }} load={load}>
          {children}
        </WidgentProvider>
      </body>
    </html>
  )
}
