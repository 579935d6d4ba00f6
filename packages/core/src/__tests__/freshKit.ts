import { vi } from 'vitest'

/** A fresh copy of the kit: its page-wide loader state starts empty. */
export async function freshKit() {
  vi.resetModules()
  document.head.innerHTML = ''
  document.body.innerHTML = ''
  delete window.widgent
  return import('../index')
}
