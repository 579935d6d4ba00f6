import type { EmulatorFaults } from '@widgent/emulator'
import type { TokenFaults } from '@widgent/playground-backend'

/** Sets the emulator's fault knobs (merged into the current ones); `null` clears them all. */
export function setFaults(emulatorUrl: string, faults: EmulatorFaults | null): Promise<void> {
  return knobs(`${emulatorUrl}/__emulator/faults`, faults)
}

/** Sets the demo backend's token route faults (merged into the current ones); `null` clears them all. */
export function setBackendFaults(backendUrl: string, faults: TokenFaults | null): Promise<void> {
  return knobs(`${backendUrl}/api/__faults`, faults)
}

async function knobs(url: string, faults: object | null): Promise<void> {
  const response = await fetch(url, {
    method: faults ? 'POST' : 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: faults ? JSON.stringify(faults) : undefined,
  })
  if (!response.ok) throw new Error(`Setting the faults at ${url} failed: ${response.status} ${await response.text()}`)
}
