/** Resolves (undefined) once `url` answers `expected`, or to a sentence saying it did not within `withinMs`. */
export async function untilServing(url: string, withinMs: number, expected = 200): Promise<string | undefined> {
  for (const end = Date.now() + withinMs; Date.now() < end;) {
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    )
    if (status == expected) return undefined
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return `did not answer ${expected} within ${withinMs / 1000} s`
}
