import { DEMO_PRODUCT } from '@widgent/emulator'
import { vendorSnippet } from '@widgent/test-utils/vendorSnippet'
import type { PageConfig } from './pages/pageConfig'
import { LOAD_OF, bundleName, bundleOf, type Framework, type Variant } from './variants'

/**
 * A page's HTML: a short article rendered by the framework's bundle (a classic script at the end of the body), the
 * page's config as a server-rendered app would inline it and, for `vendor`, the vendor's way: the widget's script
 * tag, then the vendor's documented snippet (as printed), after the app's bundle.
 */
export function pageHtml(
  framework: Framework,
  variant: Variant,
  { scriptUrl, user }: Omit<PageConfig, 'load'>,
): string {
  const config: PageConfig = { scriptUrl, user, load: LOAD_OF[variant] }
  const vendor = `<script src="${scriptUrl}"></script><script>${vendorSnippet(DEMO_PRODUCT.productId, DEMO_PRODUCT.serviceKey)}</script>`
  return [
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${framework} ${variant}</title><link rel="icon" href="data:,">`,
    '<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}</style>',
    `<body><div id="root"></div><script>window.pageConfig = ${JSON.stringify(config)}</script>`,
    `<script src="/${bundleName(framework, bundleOf(variant))}.js"></script>`,
    variant == 'vendor' ? vendor : '',
    '</body></html>',
  ].join('')
}
