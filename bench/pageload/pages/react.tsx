import { createRoot } from 'react-dom/client'
import { WidgentLauncher, WidgentProvider, useWidgentIdentity } from '@widgent/react'
import { ARTICLE } from './article'
import { pageConfig, widgentOptions } from './pageConfig'

function Article() {
  return (
    <main>
      <h1>{ARTICLE.title}</h1>
      {ARTICLE.paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </main>
  )
}

function Identity() {
  useWidgentIdentity(pageConfig.user)
  return null
}

createRoot(document.getElementById('root')!).render(
  __KIT__ ? (
    <WidgentProvider {...widgentOptions}>
      <Identity />
      <Article />
      {__FACADE__ && <WidgentLauncher />}
    </WidgentProvider>
  ) : (
    <Article />
  ),
)
