import { test as base, expect } from '@playwright/test'
import { widgentFixtures, type WidgentWorkerFixtures } from '@widgent/testing/playwright'

const test = base.extend<{}, WidgentWorkerFixtures>(widgentFixtures)

test('the widget knows who signs in, and forgets them at sign-out', async ({ page, widgentEmulator }) => {
  await page.goto('/')
  // The emulator's widget says who it thinks is talking: data-identity is the user id, or 'anonymous'.
  const widget = page.locator('widgent-panel')
  await expect(widget).toHaveAttribute('data-identity', 'anonymous')

  await page.getByRole('button', { name: 'Sign in as Ada' }).click()
  await expect(widget).toHaveAttribute('data-identity', 'ada')
  await expect(widget).toHaveAttribute('data-name', 'Ada Lovelace')

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(widget).toHaveAttribute('data-identity', 'anonymous')

  const log = await widgentEmulator.log()
  expect(log.tokens.map((token) => token.userId)).toEqual(['ada'])
  expect(log.inits).toHaveLength(1)
})

test('a message from the widget reaches the agent as the signed-in user', async ({ page, widgentEmulator }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Sign in as Ada' }).click()
  await expect(page.locator('widgent-panel')).toHaveAttribute('data-identity', 'ada')

  await page.getByRole('button', { name: 'Widgent chat' }).click()
  await page.getByRole('textbox').fill('Hello from Playwright')
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByText('Hi Ada Lovelace!')).toBeVisible()

  const { messages } = await widgentEmulator.log()
  expect(messages.filter((message) => message.text == 'Hello from Playwright').map((message) => message.identity)).toEqual(['ada'])
})
