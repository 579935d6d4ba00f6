import { VERSION } from '@angular/core'

// Were Angular 21 (the workspace's) to slip in, these tests would prove nothing about Angular 20: stop them at once.
if (VERSION.major !== '20')
  throw new Error(
    `@widgent/angular-v20 runs on Angular ${VERSION.full}, not 20: check the dedupe in vitest.config.mjs.`,
  )
