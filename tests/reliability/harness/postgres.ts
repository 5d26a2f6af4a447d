// A private PostgreSQL for the reliability suite: its own data directory and port on loopback, so a test
// can stop and start it without touching any other server. Run as the `postgres` OS user when the suite
// runs as root (initdb refuses root), as the current user otherwise.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

function binDir(): string {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv && existsSync(join(fromEnv, "pg_ctl"))) return fromEnv;
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, "bin/pg_ctl")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  try {
    return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("PostgreSQL binaries not found: install PostgreSQL or set PG_BINDIR");
  }
}

const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

function pgUser(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/** Runs a PostgreSQL tool, as `postgres` when we are root. */
function run(tool: string, args: string[]): string {
  const bin = join(binDir(), tool);
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const result = spawnSync(command, argv, { encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0)
    throw new Error(`${tool} ${args.join(" ")} failed: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

function chownTree(dir: string) {
  const user = pgUser();
  if (!user) return;
  execFileSync("chown", ["-R", `${user.uid}:${user.gid}`, dir]);
}

export class PgInstance {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** A fresh cluster (initdb, trust auth on loopback only). */
  static init(port: number): PgInstance {
    const dir = mkdtempSync(join(tmpdir(), "taskflow-reliability-pg-"));
    const user = pgUser();
    if (user) chownSync(dir, user.uid, user.gid);
    run("initdb", [
      "-D",
      join(dir, "data"),
      "-U",
      "postgres",
      "--auth=trust",
      "--encoding=UTF8",
      "--no-sync",
      "--no-instructions",
    ]);
    return new PgInstance(dir, port);
  }

  /** A copy of a stopped template cluster (already migrated), on its own port. */
  static fromTemplate(templateDir: string, port: number): PgInstance {
    const dir = mkdtempSync(join(tmpdir(), "taskflow-reliability-pg-"));
    cpSync(join(templateDir, "data"), join(dir, "data"), { recursive: true });
    // PostgreSQL refuses a data directory others can read; Node 22's cpSync creates it 0755.
    chmodSync(join(dir, "data"), 0o700);
    chownTree(dir);
    return new PgInstance(dir, port);
  }

  get dataDir() {
    return join(this.dir, "data");
  }

  url(database = "taskflow"): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  start(): void {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    run("pg_ctl", [
      "-D",
      this.dataDir,
      "-o",
      options,
      "-l",
      join(this.dir, "server.log"),
      "-w",
      "-t",
      "30",
      "start",
    ]);
  }

  /** `fast`: clients are disconnected, the server shuts down cleanly. */
  stop(mode: "fast" | "immediate" = "fast"): void {
    run("pg_ctl", ["-D", this.dataDir, "-m", mode, "-w", "-t", "30", "stop"]);
  }

  isRunning(): boolean {
    try {
      run("pg_ctl", ["-D", this.dataDir, "status"]);
      return true;
    } catch {
      return false;
    }
  }

  async createDatabase(name: string): Promise<void> {
    const admin = new pg.Client({ connectionString: this.url("postgres") });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
  }

  dispose(): void {
    if (this.isRunning()) this.stop("immediate");
    rmSync(this.dir, { recursive: true, force: true });
  }
}
