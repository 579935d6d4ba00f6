export const FRAMEWORKS = ['react', 'vue', 'svelte'] as const
export type Framework = (typeof FRAMEWORKS)[number]

/**
 * The five ways a page gets (or does not get) the widget: nothing; the vendor's documented snippet after a plain
 * script tag; the kit with `load: 'eager'` or `'idle'`; the kit with `load: 'interaction'` and the launcher facade.
 */
export const VARIANTS = ['none', 'vendor', 'eager', 'idle', 'facade'] as const
export type Variant = (typeof VARIANTS)[number]

/** Which bundle a variant's page runs: the framework's page alone, with the kit, or with the kit and the facade. */
export type BundleKind = 'plain' | 'kit' | 'facade'
export const bundleOf = (variant: Variant): BundleKind =>
  variant == 'none' || variant == 'vendor' ? 'plain' : variant == 'facade' ? 'facade' : 'kit'
export const bundleName = (framework: Framework, kind: BundleKind) => `${framework}-${kind}`

/** The `load` option each kit variant passes. */
export const LOAD_OF = {
  none: 'eager',
  vendor: 'eager',
  eager: 'eager',
  idle: 'idle',
  facade: 'interaction',
} as const satisfies Record<Variant, string>
