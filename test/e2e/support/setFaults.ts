import type { EmulatorFaults } from '@widgent/emulator'

/** Sets the emulator's fault knobs (merged into the current ones); `null` clears them all. */
export async function setFaults(emulatorUrl: string, faults: EmulatorFaults | null): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/faults`, {
    method: faults ? 'POST' : 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    body: faults ? JSON.stringify(faults) : undefined,
  })
  if (!response.ok) throw new Error(`Setting the emulator's faults failed: ${response.status} ${await response.text()}`)
}
