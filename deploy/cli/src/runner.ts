// The executor half of the deploy CLI: runs external tools (no shell, so it behaves the same on
// Linux, macOS and Windows), times each step and turns a failure into one clear report: the
// step that failed, the tool's own error output and the likely fix.
import { spawn } from "node:child_process";

export interface RunOptions {
  /** Written to the tool's stdin (e.g. a manifest for `kubectl apply -f -`). */
  input?: string;
  /** Stream the tool's output to the terminal instead of capturing it (logs, port-forward). */
  inherit?: boolean;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Stops the tool (e.g. one port-forward when the other one ended). */
  signal?: AbortSignal;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class ToolError extends Error {
  constructor(
    readonly command: string,
    readonly result: RunResult,
  ) {
    super(`${command} exited with code ${result.code}`);
  }
}

export interface Runner {
  run(cmd: string, args: string[], options?: RunOptions): Promise<RunResult>;
}

export function createRunner(defaults: { cwd: string; env?: NodeJS.ProcessEnv }): Runner {
  return {
    run(cmd, args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, {
          cwd: options.cwd ?? defaults.cwd,
          env: { ...process.env, ...defaults.env, ...options.env },
          stdio: [
            options.input === undefined ? (options.inherit ? "inherit" : "ignore") : "pipe",
            options.inherit ? "inherit" : "pipe",
            options.inherit ? "inherit" : "pipe",
          ],
          // .cmd/.bat shims on Windows need a shell; real executables do not.
          shell: false,
          windowsHide: true,
          signal: options.signal,
        });
        let stdout = "";
        let stderr = "";
        child.stdout?.on("data", (d: Buffer) => {
          stdout += d.toString();
        });
        child.stderr?.on("data", (d: Buffer) => {
          stderr += d.toString();
        });
        if (options.input !== undefined) child.stdin?.end(options.input);
        child.on("error", (error: NodeJS.ErrnoException) => {
          const result = {
            code: 127,
            stdout,
            stderr:
              error.code === "ENOENT"
                ? `${cmd}: command not found`
                : error.name === "AbortError"
                  ? `${cmd} stopped`
                  : error.message,
          };
          if (options.allowFailure) resolve(result);
          else reject(new ToolError([cmd, ...args].join(" "), result));
        });
        child.on("close", (code) => {
          const result = { code: code ?? 1, stdout, stderr };
          if (result.code !== 0 && !options.allowFailure)
            reject(new ToolError([cmd, ...args].join(" "), result));
          else resolve(result);
        });
      });
    },
  };
}

export interface Step<C> {
  title: string;
  /** What to do when this step fails; shown under the tool's error. */
  fix: string;
  /** Returns a short detail for the progress line, or undefined. */
  action: (ctx: C) => Promise<string | undefined>;
}

export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly detail: string,
    readonly fix: string,
  ) {
    super(`step "${step}" failed`);
  }
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (useColor ? `\u001b[${code}m${s}\u001b[0m` : s);
export const green = (s: string) => paint("32", s);
export const red = (s: string) => paint("31", s);
export const dim = (s: string) => paint("2", s);
export const bold = (s: string) => paint("1", s);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function tail(text: string, lines = 25): string {
  const all = text.trimEnd().split("\n");
  return all.slice(-lines).join("\n");
}

/** Runs the steps in order with numbered, timed progress; stops at the first failure. */
export async function runPlan<C>(
  title: string,
  steps: Step<C>[],
  ctx: C,
  log: (line: string) => void = console.log,
): Promise<void> {
  log(bold(title));
  const started = Date.now();
  for (const [i, step] of steps.entries()) {
    const t0 = Date.now();
    log(`${dim(`[${i + 1}/${steps.length}]`)} ${step.title} …`);
    try {
      const detail = await step.action(ctx);
      log(
        `      ${green("✔")} ${step.title}${detail ? ` — ${detail}` : ""} ${dim(seconds(Date.now() - t0))}`,
      );
    } catch (error) {
      const detail =
        error instanceof ToolError
          ? `${error.message}\n${tail(error.result.stderr || error.result.stdout) || "(no output)"}`
          : error instanceof Error
            ? error.message
            : String(error);
      log(`      ${red("✖")} ${step.title} ${dim(seconds(Date.now() - t0))}`);
      throw new StepFailure(step.title, detail, step.fix);
    }
  }
  log(`${green("Done")} in ${seconds(Date.now() - started)}`);
}
