import { configureWidgent } from '@widgent/react/next'

// Runs before the app hydrates, so the provider's client has it from the start: what a server layout cannot pass.
configureWidgent({ onError: (error) => console.info(`[widgent] onError: ${error.code}`) })
