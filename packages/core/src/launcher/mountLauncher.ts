import { createLauncher, LAUNCHER_ICONS, type LauncherOptions } from './createLauncher'
import type { WidgentClient } from '@widgent/core'

const SVG = 'http://www.w3.org/2000/svg'

/**
 * The launcher facade on a plain page: a `<button>` where the widget's launcher will be, until the widget is ready.
 * Pass your own `button` for a custom look (its content stays; an empty one gets the chat icon); otherwise one is
 * added to `document.body`.
 * Returns the unmount. Mount the client too (`client.mount()`), with `load: 'interaction'`.
 */
export function mountLauncher(
  client: WidgentClient,
  options?: LauncherOptions,
  button?: HTMLButtonElement,
): () => void {
  const launcher = createLauncher(client, options)
  const own = !button
  const element = button ?? document.body.appendChild(document.createElement('button'))
  const empty = !element.childElementCount && !element.textContent!.trim()
  const icon = empty ? addIcon(element) : undefined
  element.type = 'button'
  Object.assign(element.style, launcher.style)
  const listening = new AbortController()
  element.addEventListener('pointerenter', launcher.intent, listening)
  element.addEventListener('focus', launcher.intent, listening)
  element.addEventListener('click', launcher.activate, listening)
  const unsubscribe = client.subscribe((state) => {
    const view = launcher.view(state)
    // Not `hidden`: the inline display would win over it.
    element.style.display = view ? 'flex' : 'none'
    if (!view) return
    element.setAttribute('aria-label', launcher.label(view))
    element.title = launcher.label(view)
    element.setAttribute('aria-busy', String(view == 'loading'))
    icon?.setAttribute('d', LAUNCHER_ICONS[view])
  })
  return () => {
    unsubscribe()
    listening.abort()
    if (own) element.remove()
  }
}

/** The chat icon's path, in an svg built as nodes: a page that enforces Trusted Types refuses HTML strings. */
function addIcon(button: HTMLButtonElement): SVGPathElement {
  const svg = button.appendChild(document.createElementNS(SVG, 'svg'))
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('width', '24')
  svg.setAttribute('height', '24')
  svg.setAttribute('aria-hidden', 'true')
  const path = svg.appendChild(document.createElementNS(SVG, 'path'))
  path.setAttribute('fill', 'currentColor')
  return path
}
