import { TAB_ANSWER_MS } from './constants'
import type { FreshToken } from './tokenSource'

export interface TabEvents {
  /** Another tab's user changed (null: signed out). */
  _changed(userId: string | null): void
  /** Another tab needs a token for `userId`: this tab's fresh one, if it holds one for the user signed in here. */
  _asked(userId: string): FreshToken | undefined
}

export interface TabChannel {
  /** Tell the other tabs that this tab's user changed. */
  _tell(userId: string | null): void
  /** A fresh token for `userId` from another tab, or undefined when none answers within TAB_ANSWER_MS; undefined at once with no other tab. */
  _ask(userId: string): Promise<FreshToken | undefined> | undefined
}

/** What goes over the channel: a user id (a change; null: signed out), or a token asked for and given, in memory only. */
type Message = string | null | { hello: 1 } | { here: 1 } | { ask: string } | { give: string; token: FreshToken }

/**
 * The kit in the origin's other tabs, until `signal` aborts: user changes one way and the other, and tokens shared so
 * that one token serves every tab. A change names a user id at most, never a name or metadata; a token travels only
 * in memory (BroadcastChannel), only to a tab that asked for that user's, and never through storage.
 */
export function openTabChannel(productId: string, on: TabEvents, signal: AbortSignal): TabChannel {
  // Only a browser older than the kit's baseline (it lacks AbortSignal.throwIfAborted too, so it identifies nobody)
  // has no BroadcastChannel: the tab then hears no other tab, and the page goes on.
  if (typeof BroadcastChannel != 'function') return { _tell() {}, _ask: () => undefined }
  const channel = new BroadcastChannel(`widgent:${productId}`)
  const post = (message: Message) => channel.postMessage(message)
  // Whether another tab is there to ask: a tab alone never waits for an answer.
  let others = false
  const answers = new Set<(userId: string, token: FreshToken) => void>()
  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    others = true
    if (data === null || typeof data == 'string') return on._changed(data)
    // A tab that opened says hello, so the tabs already there say they are: then it knows whom to ask.
    if ('hello' in data) post({ here: 1 })
    else if ('ask' in data) {
      const token = on._asked(data.ask)
      if (token) post({ give: data.ask, token })
    } else if ('give' in data) answers.forEach((answer) => answer(data.give, data.token))
  }
  signal.addEventListener('abort', () => channel.close())
  post({ hello: 1 })
  return {
    _tell: post,
    _ask: (userId) =>
      others
        ? new Promise((resolve) => {
            const done = (token?: FreshToken) => {
              clearTimeout(timer)
              answers.delete(answer)
              resolve(token)
            }
            const answer = (id: string, token: FreshToken) => id == userId && done(token)
            const timer = setTimeout(done, TAB_ANSWER_MS)
            answers.add(answer)
            post({ ask: userId })
          })
        : undefined,
  }
}
