import { TomlError, parse } from 'smol-toml';
import type { SyncFile, SyncProblem } from '@monitor/domain';
import { type PathLines, scanKeyLines } from './key-lines';
import { escapeBetweenTripleStrings } from './prepass';
import { syncProblem } from './problems';

export interface ParsedFile {
  path: string;
  document: Record<string, unknown>;
  lines: PathLines;
}

/** The field a syntax error is reported under: the file has no keys to name yet. */
export const SYNTAX_FIELD = 'toml';

/** smol-toml's first line, without its prefix (the rest is a code excerpt). */
function syntaxMessage(error: TomlError): string {
  return error.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
}

/**
 * One file read as Komodo reads it: its pre-pass, then TOML 1.0 (smol-toml). Keys that would
 * reach an object's prototype are refused as a syntax error; a syntax error is the file's only
 * problem, at smol-toml's line.
 */
export function parseSyncFile(file: SyncFile): ParsedFile | SyncProblem {
  const text = escapeBetweenTripleStrings(file.contents);
  try {
    const document = parse(text, { unsafeKeyBehaviour: 'throw' });
    return { path: file.path, document, lines: scanKeyLines(text) };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    return syncProblem('error', file.path, error.line, SYNTAX_FIELD, syntaxMessage(error));
  }
}
