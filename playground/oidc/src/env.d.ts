/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The OpenID Connect provider, e.g. https://your-tenant.auth0.com or a Keycloak realm's URL. */
  readonly VITE_OIDC_ISSUER: string
  readonly VITE_OIDC_CLIENT_ID: string
  readonly VITE_WIDGENT_PRODUCT_ID: string
  readonly VITE_WIDGENT_SERVICE_KEY: string
  /** The kit's default (the real widget) when empty. */
  readonly VITE_WIDGENT_SCRIPT_URL?: string
}
