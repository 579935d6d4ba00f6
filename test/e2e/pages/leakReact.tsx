import { createRoot } from 'react-dom/client'
import { WidgentProvider, useWidgentIdentity } from '@widgent/react'
import { ada, exposeCycles, options } from './leakHarness'

function Identity() {
  return <p>{useWidgentIdentity(ada).identity}</p>
}

exposeCycles(() => {
  const root = createRoot(document.getElementById('root')!)
  root.render(
    <WidgentProvider {...options}>
      <Identity />
      <Identity />
    </WidgentProvider>,
  )
  return () => root.unmount()
})
