export { deferred, type Deferred } from './deferred'
export { flush } from './flush'
export { claimsOf, expiresAtOf, isJwt, jwt, opaqueToken, subOf, tokenFor } from './tokens'
export { uniqueProduct } from './uniqueProduct'
export { installFakeWidget, type FakeWidget, type FakeWidgetOptions } from './fakeWidget'
export { countSubscriptions, countWindowListeners, runScripts } from './listeners'
export { setup } from './setup'
export { eventually } from './eventually'
export { goOnline, restoreFromCache, showPage } from './pageEvents'
export { controlledFetchToken, type FetchTokenCall } from './controlledFetchToken'
export { unguardedErrorText } from './unguardedErrorText'
export { AUTH_VISIT, expectRecipeFollowsVisit, fakeClerk, fakeFirebase, fakeSupabase } from './authLibraries'
export type {
  ClerkUseUser,
  ClerkUser,
  FirebaseUser,
  RecipeUnderTest,
  SupabaseEvent,
  SupabaseSession,
  VisitStep,
} from './authLibraries'
