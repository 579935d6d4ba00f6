/** Checks that something stays true for `ms`: how a test sees that nothing more happens. */
export async function holdsFor(ms: number, check: () => void): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    check()
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  check()
}
