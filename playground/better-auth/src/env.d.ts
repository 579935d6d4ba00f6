/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_WIDGENT_PRODUCT_ID: string
  readonly VITE_WIDGENT_SERVICE_KEY: string
  /** The kit's default (the real widget) when empty. */
  readonly VITE_WIDGENT_SCRIPT_URL?: string
}
