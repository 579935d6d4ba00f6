import { describe } from 'vitest'
import { appSpec } from './support/appSpec'
import { useApp } from './support/useApp'

describe('the Vue playground', () => {
  appSpec(useApp('vue'))
})
