import { describe } from 'vitest'
import { appSpec } from './support/appSpec'
import { facadeSpec } from './support/facadeSpec'
import { useApp } from './support/useApp'

// The same identity and launcher facade scenarios as each app's own file, against an emulator that offers only what
// the vendor page documents: tokens that are not JWTs, no `ready` flag, commands sent before `widgent:ready` dropped,
// no `open`.
for (const name of ['react', 'vue', 'svelte'] as const) {
  describe(`the ${name} playground, against the strict emulator`, () => {
    const app = useApp(name, { strict: true })
    appSpec(app)
    describe('the launcher facade (?launcher=facade)', () => facadeSpec(app))
  })
}
