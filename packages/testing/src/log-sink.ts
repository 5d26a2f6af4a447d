// A writable stream a service's logger (pino) writes to in a test, keeping each line for assertions.
import { Writable } from "node:stream";

/** `stream` for the logger; `lines` every non-empty line written so far, in order. */
export function logSink(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}
