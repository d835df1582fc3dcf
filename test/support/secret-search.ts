/**
 * Fails if any of the secrets shows in any of the places: text as it is, anything else (an
 * Update, events, an image's history) as its JSON, which holds every string inside it.
 */
export function expectNoSecret(places: readonly unknown[], secrets: readonly string[]): void {
  for (const place of places) {
    const text = typeof place === 'string' ? place : JSON.stringify(place);
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}
