import type { RegistryAuth } from './agent-params';

/*
 * What the core sends the agent to build an image (Komodo's periphery `Build`), on a checkout the
 * agent already holds; it answers Komodo's `Vec<Log>`, one per stage. The agent's valibot schema
 * takes exactly these.
 */

/** A BuildKit secret: read by `RUN --mount=type=secret,id=<id>`, kept in no layer nor log. */
export interface BuildSecretParams {
  id: string;
  value: string;
}

export interface BuildImageParams {
  /** The Build's id: `CancelBuild` names it to stop this build. */
  id?: string;
  /** The checkout's folder, relative to the agent's repos folder (`<root>/repos`). */
  directory: string;
  /** The build context, relative to the checkout; empty is the checkout itself. */
  build_path?: string;
  /** Relative to the build path; `Dockerfile` when empty. */
  dockerfile_path?: string;
  /** Komodo's UI-defined Dockerfile: written to `dockerfile_path` before the build. */
  dockerfile?: string;
  /**
   * Komodo's pre-build command, for a build with no checkout (its `dockerfile` contents): run
   * by `sh -e -c` in the build path's `path`, once the Dockerfile is written and before Docker
   * builds, as stage `Pre Build`; a failure ends the build. A checkout runs it itself.
   */
  pre_build?: BuildCommandParams;
  build_args?: Record<string, string>;
  secret_args?: BuildSecretParams[];
  labels?: Record<string, string>;
  /** `docker build` flags Monitor takes (`--no-cache`, `--target x`, ...). */
  extra_args?: string[];
  /** Every `name:tag` the image gets; those naming a registry are pushed there. */
  tags: string[];
  /** The accounts to push with, one per registry. */
  registries?: RegistryAuth[];
}

/** A shell command the agent runs in the build folder. */
export interface BuildCommandParams {
  /** Relative to the build path; empty is the build path itself. */
  path?: string;
  command: string;
}

/** Stops the running build of that Build (Komodo's periphery `CancelBuild`). */
export interface CancelBuildParams {
  id: string;
}
