/**
 * Angular's development flag: the Angular CLI defines `ngDevMode` as false in production builds, so development-only
 * text (error details) goes from them as Angular's own does.
 */
declare const ngDevMode: unknown

export const devMode = (): boolean => typeof ngDevMode == 'undefined' || !!ngDevMode
