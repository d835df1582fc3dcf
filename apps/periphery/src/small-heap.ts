import { setFlagsFromString } from 'node:v8';

/*
 * Imported first by main.ts, before anything allocates. V8 doubles its young generation under
 * allocation, up to 16 MB a half, and keeps it: loading the agent's code and a few hundred
 * polls are enough. An agent idles between polls and allocates little, so the young generation
 * stays at its first size; scavenges grow more frequent, each still taking microseconds.
 * bench/agent measures the difference (about 8 MB of RSS on every managed host).
 */
setFlagsFromString('--semi-space-growth-factor=1');
