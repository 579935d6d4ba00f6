// The probe first: it must wrap fetch and the widget's global before anything else runs.
import { watchClient } from './probe'
import { createWidgent } from '@widgent/core'
import { exposeBench, initialUser } from './exposeBench'
import { pageParams } from './pageParams'

// @widgent/core alone, as its README shows it.
performance.mark('kit-start')
const client = createWidgent(pageParams.options)
client.mount()
performance.mark('kit-end')
watchClient(client)
client.setUser(initialUser())
exposeBench({ signIn: (user) => client.setUser(user), signOut: () => client.setUser(null) })
