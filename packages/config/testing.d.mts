import type { Mock } from 'vitest'
import type { FakeWidget } from './fakeWidget.mjs'

interface User {
  id: string
  name?: string
  metadata?: Record<string, string | number | boolean>
}
interface Subscribable<T> {
  subscribe(listener: (state: T) => void): () => void
}

export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(reason: unknown): void }
export function jwt(sub: string, ttlSeconds?: number): string
export function subOf(token: string): string
export function uniqueProduct(): string
export function flush(): Promise<void>
export function setup<Extra extends object = {}>(
  options?: Extra & { ready?: boolean },
): {
  widget: FakeWidget
  fetchToken: Mock<(user: User, ctx: { signal: AbortSignal }) => Promise<string>>
  answers: Array<Promise<string>>
  options: { productId: string; serviceKey: string; fetchToken: (user: User, ctx: { signal: AbortSignal }) => Promise<string> } & Extra
}
export function countSubscriptions<T>(client: Subscribable<T>): () => number
export function countWindowListeners(): () => number
export function loadScript(): number
