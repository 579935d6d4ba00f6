// The JIT compiler: links the package's partial declarations and compiles the tests' host components.
import '@angular/compiler'
import { NgModule, provideZonelessChangeDetection } from '@angular/core'
import { getTestBed, TestBed } from '@angular/core/testing'
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing'
import { afterEach } from 'vitest'

// TestBed is for the browser's tests; the server's (node environment) render whole apps with platform-server.
if (typeof document != 'undefined') {
  // Zoneless, as Angular 21's TestBed is by default and Angular 20's is not (zone.js apps: zone.test.ts).
  const Zoneless = NgModule({ providers: [provideZonelessChangeDetection()] })(class Zoneless {})
  getTestBed().initTestEnvironment([BrowserTestingModule, Zoneless], platformBrowserTesting(), {
    teardown: { destroyAfterEach: true },
  })
  // Angular resets the test module by itself only under a global afterEach (Jasmine's, Jest's): vitest's is imported.
  afterEach(() => TestBed.resetTestingModule())
}
