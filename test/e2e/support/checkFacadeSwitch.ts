import type { Emulator } from '@widgent/emulator'
import { expect } from 'vitest'
import type { AppPage, OpenAppOptions } from './openApp'

/**
 * The Eager / Facade switch of a server-rendered app (Nuxt, Next.js), in one page: the server's HTML already has
 * the switch; with `?launcher=facade` nothing of the widget loads until the facade's click, which loads it and opens
 * it for the signed-in user (the default emulator's `open`); the Eager link loads it at once. The whole facade spec
 * (`facadeSpec.ts`) runs in the React, Vue and Svelte apps; the kit's behaviour is the same here. The widget script
 * is held until the click has landed: the pointer's arrival already starts the load, and a widget ready before the
 * press would take the facade's place under the pointer (the press then lands on the widget's own launcher).
 */
export async function checkFacadeSwitch(app: {
  url: string
  emulator: Emulator
  open(query?: string, options?: Pick<OpenAppOptions, 'hold'>): Promise<AppPage>
}): Promise<void> {
  const html = await (await fetch(`${app.url}?launcher=facade`)).text()
  expect(html).toMatch(/<nav class="launcher-switch" aria-label="How the widget loads">/)
  expect(html).toMatch(/<a href="\/">Eager<\/a><a href="\/\?launcher=facade" aria-current="page">Facade<\/a>/)

  const page = await app.open('?launcher=facade', { hold: `${app.emulator.url}/widget.js` })
  const facade = page.page.getByRole('button', { name: 'Open chat', exact: true })
  await facade.waitFor({ state: 'visible' })
  await page.click('Sign in as Ada')
  await page.waitForSignedInAs('Signed in as Ada Lovelace')
  await page.waitForStatus({ widget: 'idle', identity: 'signed-in', user: 'ada' })
  await page.page.waitForLoadState('networkidle')
  expect(app.emulator.log()).toMatchObject({ scriptLoads: 0, tokens: [] })
  expect(await page.scriptTags()).toBe(0)

  await facade.click()
  page.release()
  await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada' })
  await page.waitForPanel('ada')
  await expect.poll(() => page.panel.getAttribute('data-open')).toBe('true')
  await expect.poll(() => facade.count()).toBe(0)
  expect(await page.scriptTags()).toBe(1)
  expect(await page.widgetInits()).toBe(1)

  await page.page.getByRole('link', { name: 'Eager', exact: true }).click()
  await page.page.waitForURL(app.url)
  await page.waitForStatus({ widget: 'ready', identity: 'identified', user: 'ada' })
  expect(await page.page.getByRole('button', { name: 'Open chat', exact: true }).count()).toBe(0)
  expect(app.emulator.log().scriptLoads).toBe(2)
  expect(
    page.consoleLines.filter((line) => /^\[(error|warning|pageerror)\]/.test(line) || /hydrat/i.test(line)),
  ).toEqual([])
}
