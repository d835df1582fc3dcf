import { posix } from 'node:path';

interface Rule {
  pattern: RegExp;
  exclude: boolean;
}

/**
 * A `.dockerignore` read as the docker CLI reads it (moby's patternmatcher): one pattern a line,
 * `#` comments, `!` to take a path back, `*` and `?` within a segment, `**` across segments,
 * the last matching line wins, and a pattern matching a folder matches what is inside it. The
 * engine's BuildKit does not read it from an uploaded context: the agent leaves the files out.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const exclude = !line.startsWith('!');
    if (!exclude) line = line.slice(1).trim();
    const cleaned = posix.normalize(line).replace(/^\/+|\/+$/g, '');
    if (!cleaned || cleaned === '.') continue;
    rules.push({ pattern: patternRegex(cleaned), exclude });
  }
  return (path) => {
    let ignored = false;
    for (const rule of rules) {
      if (matchesOrParent(rule.pattern, path)) ignored = rule.exclude;
    }
    return ignored;
  };
}

/** Whether some line takes paths back: then an ignored folder must still be looked into. */
export const hasExceptions = (text: string) => /^\s*!/m.test(text);

function matchesOrParent(pattern: RegExp, path: string): boolean {
  const parts = path.split('/');
  for (let end = parts.length; end > 0; end--) {
    if (pattern.test(parts.slice(0, end).join('/'))) return true;
  }
  return false;
}

/** Go's filepath.Match syntax plus `**`, as the patternmatcher turns it into a regexp. */
function patternRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        out += '(?:.*/)?';
      } else out += '.*';
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, close).replace(/^\^/, '!');
        out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < pattern.length) out += escape(pattern[++i]);
    else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
