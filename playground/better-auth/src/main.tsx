import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { WidgentProvider } from '@widgent/react'
import '@widgent/playground-shared/style.css'
import { App } from './App'
import { WidgentIdentity } from './WidgentIdentity'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WidgentProvider
      productId={import.meta.env.VITE_WIDGENT_PRODUCT_ID}
      serviceKey={import.meta.env.VITE_WIDGENT_SERVICE_KEY}
      scriptUrl={import.meta.env.VITE_WIDGENT_SCRIPT_URL || undefined}
      tokenEndpoint="/api/widgent-token"
      // Your error tracking here; the end-to-end suite counts these lines (none on a sign-out).
      onError={(error) => console.info(`[widgent] onError: ${error.code}`)}
    >
      <WidgentIdentity />
      <App />
    </WidgentProvider>
  </StrictMode>,
)
