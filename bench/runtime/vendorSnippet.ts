/** The seed page's Step 2, as printed ("Identity & User Context"), with the demo product's credentials filled in. */
export const vendorSnippet = (productId: string, serviceKey: string) => `
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
