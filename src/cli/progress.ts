import type { ReadProgress } from '../cluster/read.js';

const INTERVAL_MS = 100;

/**
 * One status line on standard error while clusters are read, redrawn in place at most ten times a second; nothing at
 * all when standard error is not a terminal (CI logs, redirected output) or under CI=true.
 */
export class ProgressLine {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly out: Pick<NodeJS.WriteStream, 'write' | 'columns' | 'isTTY'> = process.stderr,
    readonly enabled: boolean = out.isTTY === true && !process.env.CI,
  ) {}

  update(context: string, progress: ReadProgress): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < INTERVAL_MS && progress.listsDone < progress.listsTotal) return;
    this.lastDraw = now;
    const text = `reading ${context}: ${progress.listsDone}/${progress.listsTotal} resource types, ${progress.objects} objects`;
    const width = typeof this.out.columns === 'number' ? this.out.columns - 1 : 100;
    this.out.write(`\r${text.slice(0, width).padEnd(width)}`);
    this.drawn = true;
  }

  clear(): void {
    if (!this.drawn) return;
    const width = typeof this.out.columns === 'number' ? this.out.columns - 1 : 100;
    this.out.write(`\r${' '.repeat(width)}\r`);
    this.drawn = false;
  }
}
