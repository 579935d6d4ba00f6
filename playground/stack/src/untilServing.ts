const READY_WITHIN_MS = 120_000

/** Resolves (undefined) once `url` answers 200, or a sentence saying it did not. */
export async function untilServing(url: string): Promise<string | undefined> {
  for (const end = Date.now() + READY_WITHIN_MS; Date.now() < end; ) {
    const status = await fetch(url).then((response) => response.status, () => 0)
    if (status == 200) return undefined
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return `did not answer 200 within ${READY_WITHIN_MS / 1000} s`
}
