/** One line of the Engine's pull stream. */
export interface ProgressEvent {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

export interface PullOutcome {
  /** What `docker pull` would have printed, without the moving progress bars. */
  lines: string[];
  /** A failure reported inside the stream (the engine answered 200 first). */
  error?: string;
}

/**
 * What a pull's progress lines say. A registry's refusal after the engine answered 200 is one of
 * the lines (`error`), not the call's failure.
 */
export function summarizePull(events: ProgressEvent[]): PullOutcome {
  const lines: string[] = [];
  let error: string | undefined;
  for (const event of events) {
    if (event.error || event.errorDetail) {
      error = event.errorDetail?.message ?? event.error;
      continue;
    }
    const line = progressLine(event);
    if (line !== undefined && lines[lines.length - 1] !== line) lines.push(line);
  }
  return { lines, ...(error !== undefined ? { error } : {}) };
}

/** What `docker pull` prints for one progress event, if anything. */
export function progressLine(event: ProgressEvent): string | undefined {
  // "Downloading 2.1MB/5MB" repeats for every chunk: the layer's final status says enough.
  if (!event.status || event.progressDetail?.current !== undefined) return undefined;
  return event.id ? `${event.id}: ${event.status}` : event.status;
}
