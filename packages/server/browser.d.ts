// A browser build of @widgent/server exports nothing: it runs on your server only (see browser.js).
export {}
