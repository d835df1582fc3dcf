import { setFlagsFromString } from 'node:v8';

/*
 * Imported first by main.ts (the agent run alone, never the embedded one), before anything
 * allocates or runs hot. An agent idles between polls and its requests are I/O: it keeps
 * - its young generation at its first size: V8 doubles it under allocation, up to 16 MB a half,
 *   and keeps it, which loading the agent and a few hundred polls are enough for;
 * - no optimizing compiler (Turbofan): its compile zones and code cost ~5 MB, for requests that
 *   take under a millisecond more without it (bytecode and Sparkplug still run them).
 * bench/agent measures both: RSS after 100 polls 70 -> 56 MB.
 */
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--no-turbofan');
