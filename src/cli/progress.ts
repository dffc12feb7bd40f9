import type { ReadProgress } from '../cluster/read.js';

const INTERVAL_MS = 100;

/**
 * One status line on standard error while clusters are read or images scanned, redrawn in place at most ten times a second; nothing at
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
    this.show(`reading ${context}: ${progress.listsDone}/${progress.listsTotal} resource types, ${progress.objects} objects`, progress.listsDone >= progress.listsTotal);
  }

  /** Draws `text`, unless the last draw was moments ago and this is not the final state. */
  show(text: string, final = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < INTERVAL_MS && !final) return;
    this.lastDraw = now;
    const width = this.width();
    this.out.write(`\r${text.slice(0, width).padEnd(width)}`);
    this.drawn = true;
  }

  /** Terminals that report no width (0 under `script`) get 100 columns. */
  private width(): number {
    return (typeof this.out.columns === 'number' && this.out.columns > 1 ? this.out.columns : 101) - 1;
  }

  clear(): void {
    if (!this.drawn) return;
    const width = this.width();
    this.out.write(`\r${' '.repeat(width)}\r`);
    this.drawn = false;
  }
}
