import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** One import, require or dynamic import of a source file, as written and as resolved. */
export interface ImportEdge {
  /** The importing file, relative to the repository root, with `/`. */
  from: string;
  line: number;
  specifier: string;
  /** True when nothing is loaded at run time: `import type`, `export type`, all names `type`. */
  typeOnly: boolean;
  /** The repository file it resolves to, when it is one of ours. */
  file?: string;
  /** The npm package (or Node built-in) it names, when it is not one of ours. */
  pkg?: string;
}

/** How specifiers resolve: path aliases (tsconfig `paths`) and workspace package names. */
export interface Resolver {
  aliases: Record<string, string>;
  /** Workspace package name (`@monitor/deployer`) to its folder (`apps/deployer`). */
  workspaces: Record<string, string>;
  exists(file: string): boolean;
}

/** Every import statement, `export … from`, `require()` and `import()` of one source text. */
export function parseImports(from: string, text: string): Omit<ImportEdge, 'file' | 'pkg'>[] {
  const kind = from.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, true, kind);
  const found: Omit<ImportEdge, 'file' | 'pkg'>[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ from, line: line + 1, specifier: specifier.text, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, importIsTypeOnly(node));
    else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, exportIsTypeOnly(node));
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    )
      add(node, node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isCallExpression(node) && isLoadCall(node)) add(node, node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function importIsTypeOnly(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    !!clause &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

function isLoadCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  return (
    callee.kind === ts.SyntaxKind.ImportKeyword ||
    (ts.isIdentifier(callee) && callee.text === 'require')
  );
}

const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.js', '.json', '/index.ts', '/index.tsx'];

/** Where one specifier of `from` leads: a repository file, or an npm package. */
export function resolveImport(
  edge: Omit<ImportEdge, 'file' | 'pkg'>,
  resolver: Resolver,
): ImportEdge {
  const { specifier } = edge;
  if (specifier.startsWith('.')) {
    return { ...edge, file: findFile(posix.join(posix.dirname(edge.from), specifier), resolver) };
  }
  const alias = resolver.aliases[specifier];
  if (alias) return { ...edge, file: alias };
  const pkg = packageName(specifier);
  const workspace = resolver.workspaces[pkg];
  if (workspace) {
    const rest = specifier.slice(pkg.length);
    const target = rest ? posix.join(workspace, rest) : posix.join(workspace, 'src/index');
    return { ...edge, file: findFile(target, resolver) ?? target };
  }
  return { ...edge, pkg };
}

function findFile(base: string, resolver: Resolver): string | undefined {
  const stripped = base.replace(/\.js$/, '');
  for (const candidate of [base, stripped].flatMap((b) => EXTENSIONS.map((ext) => b + ext))) {
    if (/\.(tsx?|js|json)$/.test(candidate) && resolver.exists(candidate)) return candidate;
  }
  return undefined;
}

/** `@scope/name/deep` → `@scope/name`; `name/deep` → `name`; `node:fs` → `node:fs`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The repository's imports: every tracked .ts/.tsx file parsed, every specifier resolved. */
export class ImportGraph {
  private readonly byFile = new Map<string, ImportEdge[]>();

  constructor(
    readonly resolver: Resolver,
    private readonly read: (file: string) => string,
  ) {}

  static ofRepository(root: string): ImportGraph {
    const graph = new ImportGraph(repositoryResolver(root), (file) =>
      readFileSync(join(root, file), 'utf8'),
    );
    for (const file of trackedSources(root)) graph.importsOf(file);
    return graph;
  }

  /** The files parsed so far (all tracked sources for `ofRepository`). */
  get files(): string[] {
    return [...this.byFile.keys()];
  }

  importsOf(file: string): ImportEdge[] {
    let edges = this.byFile.get(file);
    if (!edges) {
      edges = parseImports(file, this.read(file)).map((edge) => resolveImport(edge, this.resolver));
      this.byFile.set(file, edges);
    }
    return edges;
  }

  /**
   * Every import reached when `entry` runs, following only what loads at run time (`import
   * type` loads nothing), each with the chain of files that led to it.
   */
  loadedFrom(entry: string): { edge: ImportEdge; chain: string[] }[] {
    const chains = new Map<string, string[]>([[entry, [entry]]]);
    const queue = [entry];
    const reached: { edge: ImportEdge; chain: string[] }[] = [];
    while (queue.length) {
      const file = queue.shift() as string;
      const chain = chains.get(file) as string[];
      if (!/\.tsx?$/.test(file)) continue;
      for (const edge of this.importsOf(file)) {
        if (edge.typeOnly) continue;
        reached.push({ edge, chain });
        if (edge.file && !chains.has(edge.file)) {
          chains.set(edge.file, [...chain, edge.file]);
          queue.push(edge.file);
        }
      }
    }
    return reached;
  }
}

/** The path aliases of tsconfig.json and the workspaces' package names, read from disk. */
export function repositoryResolver(root: string): Resolver {
  const tsconfig = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  if (tsconfig.error)
    throw new Error(ts.flattenDiagnosticMessageText(tsconfig.error.messageText, '\n'));
  const paths = (tsconfig.config.compilerOptions?.paths ?? {}) as Record<string, string[]>;
  const aliases = Object.fromEntries(
    Object.entries(paths).map(([name, [target]]) => [name, posix.normalize(target)]),
  );
  const workspaces: Record<string, string> = {};
  for (const folder of ['apps', 'libs']) {
    for (const name of readdirSync(join(root, folder))) {
      const manifest = join(root, folder, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name: pkg } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string };
      workspaces[pkg] = `${folder}/${name}`;
    }
  }
  return { aliases, workspaces, exists: (file) => existsSync(join(root, file)) };
}

function trackedSources(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--', '*.ts', '*.tsx'], {
    cwd: root,
    encoding: 'utf8',
  });
  // A file deleted in the working tree but not yet in the index is gone: nothing imports it.
  return listed.split('\0').filter((file) => file && existsSync(join(root, file)));
}
