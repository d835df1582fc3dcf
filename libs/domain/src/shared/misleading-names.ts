import { invalid } from './domain-error';

/**
 * Bidirectional controls (LRM, RLM, ALM, the embeddings, overrides and isolates): a name holding
 * one is displayed in another order than it is stored, so `deploy-prod` can read as another name.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A `.` or `..` step of a path: names become folders, compose projects and file names. */
const PATH_STEP = /(^|[/\\])\.\.?([/\\]|$)/;

/** Refuses a name that would be shown as something else, or that climbs out of a folder. */
export function refuseMisleadingName(name: string, field = 'name'): void {
  if (BIDI_CONTROLS.test(name)) {
    throw invalid(
      `${field}: must not contain bidirectional control characters (they change the order it is shown in)`,
      { field },
    );
  }
  if (PATH_STEP.test(name) || /^[/\\]/.test(name)) {
    throw invalid(
      `${field}: must not start with / or \\ nor hold a . or .. path step (it names folders and files)`,
      { field },
    );
  }
}
