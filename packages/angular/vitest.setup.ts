// The JIT compiler: links the package's partial declarations and compiles the tests' host components.
import '@angular/compiler'
import { getTestBed, TestBed } from '@angular/core/testing'
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing'
import { afterEach } from 'vitest'

// TestBed is for the browser's tests; the server's (node environment) render whole apps with platform-server.
if (typeof document != 'undefined') {
  getTestBed().initTestEnvironment(BrowserTestingModule, platformBrowserTesting(), { teardown: { destroyAfterEach: true } })
  // Angular resets the test module by itself only under a global afterEach (Jasmine's, Jest's): vitest's is imported.
  afterEach(() => TestBed.resetTestingModule())
}
