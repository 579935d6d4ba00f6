// @vitest-environment node
import { expect, it } from 'vitest'
import { installFakeWidget } from './index'

it('says it needs a DOM when a test runs without one', () => {
  expect(() => installFakeWidget()).toThrow('installFakeWidget needs a DOM: run this test in jsdom or happy-dom')
})
