import type { IngestProgress } from '../ingest/run.js';

const megabytes = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update: (progress: IngestProgress) => void;
  done: () => void;
  interrupt: (line: string) => void;
} {
  const enabled = stream.isTTY === true;
  const started = performance.now();
  let last = 0;
  let drawn = false;
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    update(progress) {
      if (!enabled) return;
      const nowMs = performance.now();
      if (nowMs - last < 100 && progress.filesDone < progress.filesTotal) return;
      last = nowMs;
      const share =
        progress.bytesTotal > 0
          ? progress.bytesDone / progress.bytesTotal
          : progress.filesDone / Math.max(1, progress.filesTotal);
      const width = 24;
      const filled = Math.round(share * width);
      const seconds = (nowMs - started) / 1000;
      const rate = seconds > 0 ? (progress.ingested + progress.duplicates) / seconds : 0;
      clear();
      stream.write(
        `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ` +
          `${progress.filesDone}/${progress.filesTotal} files  ${megabytes(progress.bytesDone)}  ` +
          `${progress.ingested} new · ${progress.duplicates} dup · ${progress.failed} failed  ${rate.toFixed(0)} docs/s`,
      );
      drawn = true;
    },
    interrupt(line) {
      clear();
      stream.write(`${line}\n`);
    },
    done() {
      clear();
    },
  };
}
