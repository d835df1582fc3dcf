import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  kind: string;
  bytes: number;
  gzipped: number;
}

/**
 * The bundle's JavaScript and CSS (not the maps): what a first visit downloads (the files
 * `index.html` names), and the chunks loaded later, when a page that needs them is opened.
 */
export function bundleSizes(dir: string): BundleSize[] {
  const assets = join(dir, 'assets');
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = readdirSync(assets).filter((f) => ['.js', '.css'].includes(extname(f)));
  const first = files.filter((f) => index.includes(`/assets/${f}`));
  const later = files.filter((f) => !first.includes(f));
  return [
    ...['.js', '.css'].map((kind) =>
      size(
        `${kind} loaded first`,
        assets,
        first.filter((f) => extname(f) === kind),
      ),
    ),
    size(`.js loaded with a page (${later.length} chunks)`, assets, later),
  ];
}

function size(kind: string, assets: string, files: string[]): BundleSize {
  const contents = files.map((f) => readFileSync(join(assets, f)));
  return {
    kind,
    bytes: contents.reduce((sum, c) => sum + c.length, 0),
    gzipped: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
  };
}
