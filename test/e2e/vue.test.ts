import { describe } from 'vitest'
import { appSpec } from './support/appSpec'
import { facadeSpec } from './support/facadeSpec'
import { useApp } from './support/useApp'

describe('the Vue playground', () => {
  const app = useApp('vue')
  appSpec(app)
  describe('the launcher facade (?launcher=facade)', () => facadeSpec(app))
})
