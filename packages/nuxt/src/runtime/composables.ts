// Auto-imported from here rather than from '@widgent/vue', so they resolve from this package wherever the app's
// package manager puts it.
export { useWidgent, useWidgentIdentity } from '@widgent/vue'
