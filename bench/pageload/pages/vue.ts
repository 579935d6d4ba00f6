import { createApp, defineComponent, h } from 'vue'
import { WidgentLauncher, WidgentPlugin, useWidgentIdentity } from '@widgent/vue'
import { ARTICLE } from './article'
import { pageConfig, widgentOptions } from './pageConfig'

const Article = defineComponent(
  () => () => h('main', [h('h1', ARTICLE.title), ...ARTICLE.paragraphs.map((text) => h('p', text))]),
)

const Identity = defineComponent(() => {
  useWidgentIdentity(() => pageConfig.user)
  return () => null
})

const app = createApp({
  render: () => (__KIT__ ? [h(Identity), h(Article), __FACADE__ ? h(WidgentLauncher) : null] : h(Article)),
})
if (__KIT__) app.use(WidgentPlugin, widgentOptions)
app.mount('#root')
