import { DEMO_PRODUCT } from '@widgent/emulator'
import type { PageName } from './bundlePages'
import { vendorSnippet } from '@widgent/test-utils/vendorSnippet'

/**
 * A bench page's HTML: its bundle as a classic script at the end of the body. The vendor's page loads the widget
 * with a plain tag and runs the vendor's documented snippet after it, as the vendor page implies (it calls `init` straight away).
 */
export function benchPage(name: PageName, scriptUrl: string): string {
  const config = `<script>window.benchConfig = ${JSON.stringify({ scriptUrl })}</script>`
  const vendor = `<script src="${scriptUrl}"></script><script>${vendorSnippet(DEMO_PRODUCT.productId, DEMO_PRODUCT.serviceKey)}</script>`
  return `<!doctype html><meta charset="utf-8"><title>${name}</title><body><div id="root"></div>${config}<script src="/${name}.js"></script>${name == 'vendor' ? vendor : ''}</body>`
}
