/** The browser asks pages to save data (Save-Data, or a 2g connection): nothing heavy loads without a click. */
export function savesData(): boolean {
  const connection = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } }).connection
  return !!connection && (!!connection.saveData || /2g/.test(connection.effectiveType ?? ''))
}
