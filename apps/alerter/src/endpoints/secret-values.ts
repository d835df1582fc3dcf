import { Redactor } from '@monitor/secrets';

/**
 * A redactor for everything of an endpoint that may be a credential once `[[VARIABLES]]` are
 * resolved: each value resolved for the request, and of each url its user, password, path
 * segments and query values (webhook urls carry their token in the path, ntfy in the topic,
 * Pushover in the query), so an error quoting a part of the url shows none of it.
 */
export class SecretValues {
  /** Kept as given and made a redactor only when an error needs it: most sends succeed. */
  private readonly values: string[] = [];

  /** `resolve`, recording what it returns as a value to hide. */
  recording(resolve: (text: string) => string): (text: string) => string {
    return (text) => {
      const value = resolve(text);
      this.hide(value);
      return value;
    };
  }

  hide(value: string): void {
    this.values.push(value);
  }

  mask(text: string): string {
    return new Redactor(this.values.flatMap((value) => [value, ...urlParts(value)])).redact(text);
  }
}

function urlParts(value: string): string[] {
  if (!URL.canParse(value)) return [];
  const url = new URL(value);
  const parts = [url.username, url.password, url.search.slice(1)];
  for (const segment of url.pathname.split('/')) parts.push(segment, safeDecode(segment));
  for (const item of url.searchParams.values()) parts.push(item);
  return parts.filter((part) => part.length > 0);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is its own literal form
  }
}
