import { configureWidgent } from '@widgent/react/next'

// Runs before the app hydrates: the option a server layout cannot pass as a prop. Your error tracking here; the
// end-to-end suite counts these lines (none on a sign-out).
configureWidgent({ onError: (error) => console.info(`[widgent] onError: ${error.code}`) })
