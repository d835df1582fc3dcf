/*
 * systeminformation's parts, each loaded alone: its index loads all of them (USB, Bluetooth,
 * printers, Wi-Fi...), some 6 MB more than the agent uses. Typed by the package's own types.
 */
declare module 'systeminformation/lib/cpu' {
  export { cpu, currentLoad } from 'systeminformation';
}
declare module 'systeminformation/lib/memory' {
  export { mem } from 'systeminformation';
}
declare module 'systeminformation/lib/filesystem' {
  export { fsSize } from 'systeminformation';
}
declare module 'systeminformation/lib/network' {
  export { networkStats } from 'systeminformation';
}
declare module 'systeminformation/lib/osinfo' {
  export { osInfo } from 'systeminformation';
}
declare module 'systeminformation/lib/processes' {
  export { processes } from 'systeminformation';
}
