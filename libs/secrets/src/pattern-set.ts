import { MultiMatcher } from './aho-corasick';

/** Patterns in use, counted: two secrets may share a form. */
export class PatternSet {
  private readonly counts = new Map<string, number>();
  private matcher: MultiMatcher | null = null;

  constructor(private readonly fold: boolean) {}

  add(forms: readonly string[]): void {
    for (const form of forms) this.counts.set(form, (this.counts.get(form) ?? 0) + 1);
    if (forms.length > 0) this.matcher = null;
  }

  remove(forms: readonly string[]): void {
    for (const form of forms) {
      const uses = this.counts.get(form) ?? 0;
      if (uses > 1) this.counts.set(form, uses - 1);
      else this.counts.delete(form);
    }
    if (forms.length > 0) this.matcher = null;
  }

  /** Built lazily: adding 1,000 secrets at start costs one build, not 1,000. */
  built(): MultiMatcher | null {
    if (this.counts.size === 0) return null;
    this.matcher ??= new MultiMatcher(this.counts.keys(), this.fold);
    return this.matcher;
  }
}
