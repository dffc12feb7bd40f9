/** Finding the Kubernetes programs among a node's processes, by the command line as the kernel records it. */
import { parseFlags, type Flags } from '../controls/control-plane/flags.js';
import type { ProcessFacts } from './facts.js';

export const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The program a command line runs: its first word's file name, or the one after `hyperkube`. */
export function programOf(argv: readonly string[]): string {
  const first = basename(argv[0] ?? '');
  return first === 'hyperkube' && argv[1] !== undefined ? basename(argv[1]) : first;
}

/** The first process running the program (`kubelet`, `kube-apiserver`, ...), lowest pid first. */
export function processOf(processes: readonly ProcessFacts[], program: string): ProcessFacts | undefined {
  return processes.filter((process) => programOf(process.argv) === program).sort((a, b) => a.pid - b.pid)[0];
}

/** A process's flags, read as the Kubernetes binaries read them (last occurrence wins). */
export function flagsOf(process: ProcessFacts): Flags {
  const start = basename(process.argv[0] ?? '') === 'hyperkube' ? 2 : 1;
  return parseFlags(process.argv.slice(start).map((text, index) => ({ text, path: ['argv', index + start] })));
}
