import { arch } from 'node:os';
import type { SystemInformation } from '@monitor/contracts/agent';

/** Node's names for CPU architectures, as Rust (and so Komodo) spells them. */
const ARCH_NAMES: Record<string, string> = {
  x64: 'x86_64',
  arm64: 'aarch64',
  ia32: 'x86',
  arm: 'arm',
  ppc64: 'powerpc64',
  s390x: 's390x',
  riscv64: 'riscv64',
};

/** Komodo's SystemInformation of this host; the parts that read it load with the first ask. */
export async function readSystemInformation(): Promise<SystemInformation> {
  const [{ osInfo }, { cpu: cpuInfo }] = await Promise.all([
    import('systeminformation/lib/osinfo'),
    import('systeminformation/lib/cpu'),
  ]);
  const [os, cpu] = await Promise.all([osInfo(), cpuInfo()]);
  return {
    name: os.distro || os.platform,
    os: [os.distro, os.release, os.codename ? `(${os.codename})` : ''].filter(Boolean).join(' '),
    kernel: os.kernel,
    core_count: cpu.physicalCores,
    logical_core_count: cpu.cores,
    host_name: os.hostname,
    cpu_brand: [cpu.manufacturer, cpu.brand].filter(Boolean).join(' '),
    cpu_arch: ARCH_NAMES[arch()] ?? arch(),
  };
}
