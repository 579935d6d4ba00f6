// Angular's build flags, which the Angular CLI defines at build time, so the checks on them go from production bundles:
// `ngDevMode` (false in production builds) and `ngServerMode` (true in server bundles; @angular/platform-server sets
// it where a build did not). Angular's own packages read them the same way.
declare const ngDevMode: unknown
declare const ngServerMode: boolean | undefined
