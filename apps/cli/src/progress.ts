/**
 * A one-line progress bar on stderr, only when stderr is a terminal and not in CI: a piped or logged run
 * never gets control characters. Redraws at most every 100 ms.
 */
export class Progress {
  private last = 0;
  private drawn = false;
  constructor(
    private readonly write: (s: string) => void,
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  static enabledFor(stderrIsTTY: boolean, env: NodeJS.ProcessEnv): boolean {
    return stderrIsTTY && !env.CI;
  }

  update(done: number, total: number, records: number): void {
    if (!this.enabled || total <= 0) return;
    const now = Date.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    const share = Math.min(1, done / total);
    const width = 30;
    const fill = Math.round(share * width);
    const bar = `${'█'.repeat(fill)}${'░'.repeat(width - fill)}`;
    this.write(`\r${this.label} ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${records}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.write('\r\u001b[2K');
    this.drawn = false;
  }
}
