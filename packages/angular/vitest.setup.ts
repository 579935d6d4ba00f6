// The JIT compiler: links the package's partial declarations and compiles the tests' host components.
import '@angular/compiler'
import { getTestBed, TestBed } from '@angular/core/testing'
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing'
import { afterEach } from 'vitest'

getTestBed().initTestEnvironment(BrowserTestingModule, platformBrowserTesting(), { teardown: { destroyAfterEach: true } })
// Angular resets the test module by itself only under a global afterEach (Jasmine's, Jest's): vitest's is imported.
afterEach(() => TestBed.resetTestingModule())
