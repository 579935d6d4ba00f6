// What a browser bundle gets for @widgent/server: nothing to import, and an error that says why.
// An ES module with no exports, so a bundler refuses named imports at build time; and a side effect
// (see "sideEffects" in package.json), so even a bare import fails at once when the page loads.
// @widgent/server sends your Widgent verification secret, which must never reach a page. Import it from
// server code (an API route, a route handler, a +server.ts file) and use @widgent/core, @widgent/react,
// @widgent/vue or @widgent/svelte in the browser. README: "Never in a browser".
export {}

throw new Error(
  '@widgent/server was bundled into browser code. It runs on your server only, because it sends your Widgent ' +
    'verification secret: import it from a server route and use @widgent/core (or the React, Vue or Svelte kit) in the browser.',
)
