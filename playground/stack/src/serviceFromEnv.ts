/** Where the playground's Widgent is: the service's API, the widget script and the product. */
export interface WidgentService {
  apiUrl: string
  /** The kit's default (the real widget) when absent. */
  scriptUrl?: string
  productId: string
  serviceKey: string
  verificationSecret: string
}

/** The real service, from `WIDGENT_*` settings; null when `WIDGENT_API_URL` is not set (the emulator is used). */
export function serviceFromEnv(env: Record<string, string | undefined>): WidgentService | null {
  if (!env.WIDGENT_API_URL) return null
  const need = (name: string) => {
    const value = env[`WIDGENT_${name}`]
    if (!value) throw new Error(`WIDGENT_API_URL is set, so WIDGENT_${name} must be too: see playground/README.md.`)
    return value
  }
  return {
    apiUrl: env.WIDGENT_API_URL,
    scriptUrl: env.WIDGENT_SCRIPT_URL || undefined,
    productId: need('PRODUCT_ID'),
    serviceKey: need('SERVICE_KEY'),
    verificationSecret: need('VERIFICATION_SECRET'),
  }
}
