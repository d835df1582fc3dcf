import ts from 'typescript';
import type { ImportEdge, ImportGraph } from './import-graph';

/** A broken rule: the file, the line, the import (or name) that breaks it, and why. */
export interface Violation {
  file: string;
  line: number;
  /** `imports '<specifier>'` or `names <what>`. */
  found: string;
  why: string;
}

export const describeViolation = (v: Violation) => `${v.file}:${v.line} ${v.found}: ${v.why}`;

/** The one app that composes the others (embedded mode). */
const COMPOSER = 'monitor';

/** All that the web UI, its specs included, imports of the repository's own code. */
const WEB_MAY_IMPORT = '@monitor/contracts';

/** The agent's entry point: what runs on every managed host. */
export const AGENT_ENTRY = 'apps/periphery/src/main.ts';

/**
 * What the agent must never load: the core's event store, bus and read model, the libs built
 * on them (the runtime's wiring, the write side), and their drivers.
 */
const AGENT_FORBIDDEN_FOLDERS = [
  'libs/eventstore/',
  'libs/bus/',
  'libs/projections/',
  'libs/runtime/',
  'libs/resources/',
];
const AGENT_FORBIDDEN_PACKAGES = [
  '@nestjs/microservices',
  '@nats-io/',
  '@kurrent/',
  'better-sqlite3',
];

/**
 * The deployer's folders that its features share (and that import no feature). Every other
 * folder of apps/deployer/src is a feature: servers/, deployments/, stacks/, tags/, and each
 * one added later.
 */
export const DEPLOYER_SHARED = ['observation'];

const appOf = (file: string) => /^apps\/([^/]+)\//.exec(file)?.[1];
const isSpec = (file: string) => /\.spec\.tsx?$/.test(file);

function violation(edge: ImportEdge, why: string): Violation {
  return { file: edge.from, line: edge.line, found: `imports '${edge.specifier}'`, why };
}

/** Services meet on the bus: no app imports another, but `apps/monitor`, which composes them. */
export function appsImportNoOtherApp(graph: ImportGraph): Violation[] {
  return graph.files.flatMap((file) => {
    const app = appOf(file);
    if (!app || app === COMPOSER) return [];
    return graph.importsOf(file).flatMap((edge) => {
      const target = edge.file && appOf(edge.file);
      return target && target !== app
        ? [
            violation(
              edge,
              `apps/${app} reaches into apps/${target}; only apps/${COMPOSER} composes apps`,
            ),
          ]
        : [];
    });
  });
}

/**
 * The browser bundle speaks to the gateway only, in the shapes of `@monitor/contracts` (types
 * and values alike count). Its unit specs too: what they check the UI against (a kind's config
 * fields, a builder's params) they read through the contracts' re-exports of the domain.
 */
export function webImportsOnlyContracts(graph: ImportGraph): Violation[] {
  return graph.files.flatMap((file) => {
    if (appOf(file) !== 'web') return [];
    return graph.importsOf(file).flatMap((edge) => {
      const outside = edge.file
        ? !edge.file.startsWith('apps/web/')
        : edge.specifier.startsWith('@monitor/');
      return outside && edge.specifier !== WEB_MAY_IMPORT
        ? [
            violation(
              edge,
              `apps/web${isSpec(file) ? "'s specs import" : ' imports'} only ${WEB_MAY_IMPORT}`,
            ),
          ]
        : [];
    });
  });
}

const deployerFolderOf = (file: string) => /^apps\/deployer\/src\/([^/]+)\//.exec(file)?.[1];

/**
 * The deployer's features stand side by side over what they share: a feature folder imports
 * its own files and the shared folders, never another feature (types count: a type is a
 * dependency too), and a shared folder imports no feature, so no circle can form between them.
 * The files at the root of apps/deployer/src (its module, main.ts) compose them all.
 */
export function deployerFeaturesImportNoOther(graph: ImportGraph): Violation[] {
  return graph.files.flatMap((file) => {
    const folder = deployerFolderOf(file);
    if (!folder) return [];
    const shared = DEPLOYER_SHARED.includes(folder);
    return graph.importsOf(file).flatMap((edge) => {
      const target = edge.file && deployerFolderOf(edge.file);
      if (!target || target === folder || DEPLOYER_SHARED.includes(target)) return [];
      const why = shared
        ? `the deployer's shared ${folder}/ imports the feature ${target}/; shared folders import no feature`
        : `the deployer's feature ${folder}/ imports the feature ${target}/; features import only ` +
          `the shared ${DEPLOYER_SHARED.map((f) => `${f}/`).join(', ')} and never each other`;
      return [violation(edge, why)];
    });
  });
}

/** Libraries serve apps, never the other way round. */
export function libsNeverImportApps(graph: ImportGraph): Violation[] {
  return graph.files.flatMap((file) =>
    file.startsWith('libs/')
      ? graph
          .importsOf(file)
          .filter((edge) => edge.file?.startsWith('apps/'))
          .map((edge) => violation(edge, `libs never import apps (${edge.file})`))
      : [],
  );
}

/**
 * A lib serves whichever process loads it: none binds work to a named service's queue group
 * (`QUEUE_GROUPS.deployer`) or names a service's NATS identity (`'monitor-deployer'`). Only
 * `libs/bus`, which declares the queue groups, names them. Which service owns a request is
 * the apps' choice, or data in the catalogue, never a lib's own handler.
 */
export function noLibNamesAService(
  graph: ImportGraph,
  read: (file: string) => string,
  services: string[],
): Violation[] {
  return graph.files
    .filter((file) => file.startsWith('libs/') && !file.startsWith('libs/bus/') && !isSpec(file))
    .flatMap((file) => serviceNames(file, read(file), services));
}

function serviceNames(file: string, text: string, services: string[]): Violation[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Violation[] = [];
  const at = (node: ts.Node, name: string, why: string) =>
    found.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      found: `names ${name}`,
      why,
    });
  const visit = (node: ts.Node): void => {
    const member = queueGroupMember(node);
    if (member && services.includes(member))
      at(node, node.getText(source), `a lib binds work to the ${member} service's queue group`);
    if (ts.isStringLiteralLike(node) && services.some((s) => node.text === `monitor-${s}`))
      at(node, node.text, `a lib names the ${node.text} service`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function queueGroupMember(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node) && isQueueGroups(node.expression)) return node.name.text;
  if (
    ts.isElementAccessExpression(node) &&
    isQueueGroups(node.expression) &&
    ts.isStringLiteralLike(node.argumentExpression)
  )
    return node.argumentExpression.text;
  return undefined;
}

const isQueueGroups = (node: ts.Expression) =>
  ts.isIdentifier(node) && node.text === 'QUEUE_GROUPS';

/**
 * The agent runs on every managed host and keeps no state: starting it (main.ts, followed
 * through every import that loads at run time) loads no event store, bus or projection code.
 */
export function agentLoadsNoCore(graph: ImportGraph, entry = AGENT_ENTRY): Violation[] {
  const forbidden = (file?: string) => AGENT_FORBIDDEN_FOLDERS.find((f) => file?.startsWith(f));
  return graph.loadedFrom(entry).flatMap(({ edge, chain }) => {
    // Said once, where the agent's own code or a lib it may load crosses into the core.
    if (forbidden(edge.from)) return [];
    const folder = forbidden(edge.file);
    const pkg = AGENT_FORBIDDEN_PACKAGES.find((p) => edge.pkg === p || edge.pkg?.startsWith(p));
    const what = folder ?? pkg;
    return what ? [violation(edge, `the agent loads ${what} (${chain.join(' → ')})`)] : [];
  });
}
