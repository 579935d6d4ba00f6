import { mount, unmount } from 'svelte'
import { readable } from 'svelte/store'
import { createWidgent } from '@widgent/svelte'
import { ada, exposeCycles, options } from './leakHarness'
import LeakIdentity from './LeakIdentity.svelte'

const widgent = createWidgent(options)
const auth = readable(ada)

exposeCycles(() => {
  const target = document.getElementById('root')!
  const components = [
    mount(LeakIdentity, { target, props: { widgent, auth } }),
    mount(LeakIdentity, { target, props: { widgent, auth } }),
  ]
  return () => components.forEach((component) => unmount(component))
})
