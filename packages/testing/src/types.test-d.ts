import { expectTypeOf, it } from 'vitest'
import type { WidgentEmulatorInfo } from './emulator'
import { widgentEmulatorTasks } from './cypress'
import { installFakeWidget, type FakeWidget } from './index'
import { widgentFixtures, type WidgentEmulatorFixture } from './playwright'

it('the fake widget', () => {
  expectTypeOf(installFakeWidget)
    .parameter(0)
    .toEqualTypeOf<{ ready?: boolean; lenient?: boolean; onPage?: boolean } | undefined>()
  expectTypeOf<FakeWidget['token']>().toEqualTypeOf<string | undefined>()
  expectTypeOf<FakeWidget['waitForToken']>().returns.toEqualTypeOf<Promise<void>>()
})

it("the Cypress plugin takes Cypress's own `on`, one overload per event, and types Cypress.env", () => {
  type CypressOn = {
    (action: 'task', tasks: Record<string, (arg: any) => unknown>): void
    (action: 'after:run', fn: (results: unknown) => void | Promise<void>): void
    (action: 'before:run', fn: (details: unknown) => void | Promise<void>): void
  }
  expectTypeOf<CypressOn>().toMatchTypeOf<Parameters<typeof widgentEmulatorTasks>[0]>()
  expectTypeOf(widgentEmulatorTasks<{ env: Record<string, unknown>; baseUrl: string }>).returns.resolves.toMatchTypeOf<{
    baseUrl: string
    env: { widgentEmulator: WidgentEmulatorInfo }
  }>()
})

it('the Playwright fixture is a worker fixture of the emulator', () => {
  expectTypeOf(widgentFixtures.widgentEmulator[1]).toEqualTypeOf<{ scope: 'worker' }>()
  expectTypeOf<WidgentEmulatorFixture>().toMatchTypeOf<WidgentEmulatorInfo>()
})
