/** Progress of a batch on stderr: a bar on a terminal, periodic log lines otherwise. */

import cliProgress from "cli-progress";

export interface ProgressCounts {
  /** Inputs handled so far: parsed + skipped + failed. */
  done: number;
  parsed: number;
  skipped: number;
  failed: number;
}

export interface BatchProgress {
  start(total: number): void;
  update(counts: ProgressCounts): void;
  /** Prints one line, e.g. a failure, without breaking the bar. */
  note(message: string): void;
  stop(): void;
}

export const silentProgress: BatchProgress = {
  start() {},
  update() {},
  note() {},
  stop() {},
};

/** Picks the terminal bar when `stream` is a TTY and log lines otherwise. */
export function createProgress(stream: NodeJS.WriteStream): BatchProgress {
  return stream.isTTY ? new TerminalProgress(stream) : new LogProgress(stream);
}

/** A cli-progress bar with count, rate, ETA and the running failure count. */
export class TerminalProgress implements BatchProgress {
  readonly #bars: cliProgress.MultiBar;
  #bar: cliProgress.SingleBar | undefined;
  #startedAt = 0;

  constructor(stream: NodeJS.WritableStream) {
    this.#bars = new cliProgress.MultiBar(
      {
        stream,
        format:
          "{bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | " +
          "parsed {parsed}, skipped {skipped}, failed {failed}",
        hideCursor: true,
        clearOnComplete: false,
        gracefulExit: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(total: number): void {
    this.#startedAt = performance.now();
    this.#bar = this.#bars.create(total, 0, {
      rate: "0.0",
      parsed: 0,
      skipped: 0,
      failed: 0,
    });
  }

  update(counts: ProgressCounts): void {
    const seconds = (performance.now() - this.#startedAt) / 1000;
    const rate = seconds > 0 ? (counts.done / seconds).toFixed(1) : "0.0";
    this.#bar?.update(counts.done, { ...counts, rate });
  }

  note(message: string): void {
    this.#bars.log(`${message}\n`);
  }

  stop(): void {
    this.#bars.stop();
  }
}

/**
 * Plain lines for logs and CI: one line per tenth of the batch, or after
 * `intervalMs` of silence, and never more than one line per second.
 */
export class LogProgress implements BatchProgress {
  readonly #stream: NodeJS.WritableStream;
  readonly #intervalMs: number;
  #total = 0;
  #step = 1;
  #startedAt = 0;
  #lastLineAt = 0;
  #lastLineDone = 0;
  #last: ProgressCounts = { done: 0, parsed: 0, skipped: 0, failed: 0 };

  constructor(stream: NodeJS.WritableStream, intervalMs = 10_000) {
    this.#stream = stream;
    this.#intervalMs = intervalMs;
  }

  start(total: number): void {
    this.#total = total;
    this.#step = Math.max(1, Math.ceil(total / 10));
    this.#startedAt = performance.now();
    this.#lastLineAt = this.#startedAt;
    const files = total === 1 ? "input file" : "input files";
    this.#stream.write(`mds2 batch: ${total} ${files}\n`);
  }

  update(counts: ProgressCounts): void {
    this.#last = counts;
    const now = performance.now();
    const sinceLine = now - this.#lastLineAt;
    const stepReached = counts.done - this.#lastLineDone >= this.#step;
    if (sinceLine < 1000 || (!stepReached && sinceLine < this.#intervalMs))
      return;
    this.#writeLine(now);
  }

  note(message: string): void {
    this.#stream.write(`${message}\n`);
  }

  stop(): void {
    if (this.#last.done > this.#lastLineDone)
      this.#writeLine(performance.now());
  }

  #writeLine(now: number): void {
    const { done, parsed, skipped, failed } = this.#last;
    const seconds = (now - this.#startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    this.#stream.write(
      `mds2 batch: ${done}/${this.#total} files (${rate.toFixed(1)} files/s): ` +
        `parsed ${parsed}, skipped ${skipped}, failed ${failed}\n`,
    );
    this.#lastLineAt = now;
    this.#lastLineDone = done;
  }
}
