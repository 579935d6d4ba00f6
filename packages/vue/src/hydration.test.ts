import { waitFor } from '@testing-library/vue'
import { afterEach, expect, it, vi } from 'vitest'
import { createApp, createSSRApp, defineComponent, h, nextTick, ref, Suspense, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { WidgentPlugin, useWidgentIdentity } from './index'
import { setup, subOf } from '@widgent/test-utils'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

/** What each Status component rendered, first render first. */
let renders: string[] = []

/** The kit's state for a signed-in Ada, as a page would show it. */
const Status = defineComponent({
  setup() {
    const state = useWidgentIdentity({ id: 'ada' })
    return () => {
      const text = `${state.value.widget} ${state.value.identity} ${state.value.user?.id ?? '-'}`
      renders.push(text)
      return h('p', text)
    }
  },
})

/** A page whose setup awaits (a data fetch): Vue hydrates its children only once it resolves, after app.mount(). */
const AsyncPage = defineComponent({
  async setup() {
    await Promise.resolve()
    return () => h(Status)
  },
})

const mismatches = () => {
  const warn = vi.spyOn(console, 'warn')
  const error = vi.spyOn(console, 'error')
  return () =>
    [...warn.mock.calls, ...error.mock.calls]
      .map((args) => args.join(' '))
      .filter((line) => /hydration.*mismatch/i.test(line))
}

/** Renders `App` as a server would (no window), then hydrates that HTML in the page the way createSSRApp does. */
async function hydrate(App: Component, options: ReturnType<typeof setup>['options']) {
  vi.stubGlobal('window', undefined)
  const html = await renderToString(createSSRApp(App).use(WidgentPlugin, options))
  vi.unstubAllGlobals()
  renders = []
  document.body.innerHTML = `<div id="app">${html}</div>`
  const served = document.querySelector('p')
  const seen = mismatches()
  createSSRApp(App).use(WidgentPlugin, options).mount('#app')
  return { html, served, seen, firstRenders: renders.slice() }
}

it('hydrates server HTML that shows the kit state with no mismatch, then follows the live state', async () => {
  const { widget, options } = setup()
  const { html, served, seen, firstRenders } = await hydrate(Status, options)
  expect(html).toBe('<p>idle unknown -</p>')
  // The client had already started loading the widget and learnt the user: the first render still matches the server.
  expect(firstRenders).toEqual(['idle unknown -'])
  await waitFor(() => expect(document.querySelector('p')!.textContent).toBe('ready identified ada'))
  expect(document.querySelector('p')).toBe(served) // adopted, not re-created
  expect(seen()).toEqual([])
  await waitFor(() => expect(widget.answers.map(subOf)).toEqual(['ada']))
})

it('holds the server state for components Vue hydrates after app.mount() (under an async setup in Suspense)', async () => {
  const { options } = setup()
  const App = defineComponent({ setup: () => () => h(Suspense, null, { default: () => h(AsyncPage) }) })
  const { html, served, seen } = await hydrate(App, options)
  expect(html).toBe('<p>idle unknown -</p>')
  await waitFor(() => expect(document.querySelector('p')!.textContent).toBe('ready identified ada'))
  expect(renders[0]).toBe('idle unknown -')
  expect(document.querySelector('p')).toBe(served)
  expect(seen()).toEqual([])
})

it('shows the live state from the first render in a component mounted after hydration, and in an app with no server HTML', async () => {
  const { options } = setup()
  const shown = ref(false)
  const App = defineComponent({ setup: () => () => [h(Status), shown.value ? h(Status) : null] })
  await hydrate(App, options)
  await waitFor(() => expect(renders.at(-1)).toBe('ready identified ada'))
  renders = []
  shown.value = true
  await nextTick()
  expect(renders).toEqual(['ready identified ada'])

  renders = []
  const { options: fresh } = setup()
  createApp(Status).use(WidgentPlugin, fresh).mount(document.createElement('div'))
  expect(renders[0]).toBe('loading signed-in ada')
})
