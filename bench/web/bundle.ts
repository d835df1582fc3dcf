import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  kind: string;
  bytes: number;
  gzipped: number;
}

/** What a browser downloads on a first visit: the bundle's JavaScript and CSS (not the maps). */
export function bundleSizes(dir: string): BundleSize[] {
  const assets = join(dir, 'assets');
  return ['.js', '.css'].map((kind) => {
    const files = readdirSync(assets).filter((f) => extname(f) === kind);
    const contents = files.map((f) => readFileSync(join(assets, f)));
    return {
      kind,
      bytes: contents.reduce((sum, c) => sum + c.length, 0),
      gzipped: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
    };
  });
}
