import { configureWidgent } from '@widgent/react/next'

// Runs before the app hydrates: the option a server layout cannot pass as a prop.
configureWidgent({ onError: (error) => console.info(`[widgent] onError: ${error.code}`) })
