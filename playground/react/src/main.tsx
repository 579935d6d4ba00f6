import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { WidgentProvider } from '@widgent/react'
import { widgentOptions } from '@widgent/playground-shared'
import '@widgent/playground-shared/style.css'
import { App } from './App'

// StrictMode mounts, unmounts and mounts again: the kit must still load one script and make one init.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WidgentProvider {...widgentOptions()}>
      <App />
    </WidgentProvider>
  </StrictMode>,
)
