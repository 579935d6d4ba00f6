/**
 * The vendor's documented snippet ("Identity & User Context", Step 2), as printed, with a product's ids filled
 * in: a page that uses it registers one fetcher on `widgent:ready` and never tells the widget about sign-in or out.
 */
export const vendorSnippet = (productId: string, serviceKey: string): string => `
// Initialize the widget first
window.widgent.init({
productId: '${productId}',
serviceKey: '${serviceKey}',
});
// Then register the token fetcher
window.addEventListener('widgent:ready', () => {
window.widgent('setIdentityTokenFetcher', async () => {
const res = await fetch('/api/widgent-token');
if (!res.ok) return '';
const { token } = await res.json();
return token;
});
});`
