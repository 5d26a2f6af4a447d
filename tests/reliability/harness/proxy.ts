// A small round-robin reverse proxy standing in for the Kubernetes Service + ingress in front of the api
// replicas. Readiness works like the chart's probe (/readyz, 3 s timeout, out after 2 consecutive
// failures, back after 1 success), polled every second instead of every 5 s; a refused connection takes a
// replica out at once. A request is replayed on another replica when it provably never reached one:
// connection refused, or a kept-alive socket the replica had already closed (reset before any byte of an
// answer). Like an ingress, it sets X-Forwarded-For.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export interface Upstream {
  name: string;
  port: number;
}

interface Target extends Upstream {
  ready: boolean;
  failures: number;
  agent: Agent;
  served: number;
}

export interface ProxyStats {
  requests: number;
  /** Replayed on another replica after a refused connection. */
  retriedRefused: number;
  /** Replayed after a reused kept-alive socket was reset before any answer. */
  retriedReset: number;
  /** Replays of that second kind for non-idempotent methods (a write may, in theory, have landed). */
  retriedResetWrites: number;
  /** No replica ready: answered 503 here. */
  noReplica: number;
  /** The replica failed mid-request (after it may have acted): answered 502 here. */
  upstreamFailed: number;
  byReplica: Record<string, number>;
}

const PROBE_PERIOD_MS = 1000;
const PROBE_TIMEOUT_MS = 3000;
const PROBE_FAILURE_THRESHOLD = 2;
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
]);

function problem(res: ServerResponse, status: number, detail: string) {
  if (res.headersSent) return res.destroy();
  const body = JSON.stringify({
    type: "about:blank",
    status,
    title: status === 503 ? "Service Unavailable" : "Bad Gateway",
    detail,
  });
  // Marked, so a client can tell "the proxy refused it, no replica saw it" from a replica's own answer.
  res.writeHead(status, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(body),
    "x-answered-by": "proxy",
  });
  res.end(body);
}

export class RoundRobinProxy {
  private readonly targets: Target[];
  private next = 0;
  private server?: Server;
  private polling = false;
  readonly stats: ProxyStats = {
    requests: 0,
    retriedRefused: 0,
    retriedReset: 0,
    retriedResetWrites: 0,
    noReplica: 0,
    upstreamFailed: 0,
    byReplica: {},
  };
  url = "";

  constructor(upstreams: Upstream[]) {
    this.targets = upstreams.map((u) => ({
      ...u,
      ready: false,
      failures: 0,
      served: 0,
      agent: new Agent({ keepAlive: true, maxSockets: 256 }),
    }));
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    await Promise.all(this.targets.map((t) => this.probe(t)));
    this.polling = true;
    for (const target of this.targets) void this.pollLoop(target);
    return this.url;
  }

  readyReplicas(): string[] {
    return this.targets.filter((t) => t.ready).map((t) => t.name);
  }

  /**
   * Resolves once the proxy's own probes have found every one of `names` ready (it probes every
   * second, so a replica that just answered /readyz is routed to up to a period later); throws after
   * `timeoutMs`.
   */
  async waitForReady(names: string[], timeoutMs: number): Promise<number> {
    const started = performance.now();
    while (!names.every((name) => this.readyReplicas().includes(name))) {
      if (performance.now() - started > timeoutMs)
        throw new Error(
          `the proxy does not see ${names.join(", ")} ready after ${timeoutMs} ms (ready: ${this.readyReplicas().join(", ") || "none"})`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    return performance.now() - started;
  }

  private async pollLoop(target: Target) {
    while (this.polling) {
      await new Promise((r) => setTimeout(r, PROBE_PERIOD_MS));
      if (this.polling) await this.probe(target);
    }
  }

  private async probe(target: Target) {
    const outcome = await new Promise<"ok" | "refused" | "failed">((resolve) => {
      const req = httpRequest(
        { host: "127.0.0.1", port: target.port, path: "/readyz", agent: false, timeout: PROBE_TIMEOUT_MS },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200 ? "ok" : "failed");
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (error: NodeJS.ErrnoException) =>
        resolve(error.code === "ECONNREFUSED" ? "refused" : "failed"),
      );
      req.end();
    });
    if (outcome === "ok") {
      target.ready = true;
      target.failures = 0;
    } else if (outcome === "refused") {
      target.ready = false;
    } else if (++target.failures >= PROBE_FAILURE_THRESHOLD) {
      target.ready = false;
    }
  }

  private pick(exclude: Set<Target>): Target | undefined {
    for (let i = 0; i < this.targets.length; i++) {
      const target = this.targets[(this.next + i) % this.targets.length] as Target;
      if (target.ready && !exclude.has(target)) {
        this.next = (this.next + i + 1) % this.targets.length;
        return target;
      }
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    this.stats.requests++;
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return res.destroy();
    }
    const body = Buffer.concat(chunks);
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(key)) headers[key] = value;
    }
    headers["x-forwarded-for"] = req.socket.remoteAddress ?? "127.0.0.1";
    headers["content-length"] = String(body.length);
    const method = req.method ?? "GET";
    const tried = new Set<Target>();
    for (let attempt = 0; attempt <= this.targets.length + 1; attempt++) {
      const target = this.pick(tried);
      if (!target) {
        this.stats.noReplica++;
        return problem(res, 503, "No api replica is ready.");
      }
      tried.add(target);
      const outcome = await this.forward(target, method, req.url ?? "/", headers, body, res);
      if (outcome === "done") {
        target.served++;
        this.stats.byReplica[target.name] = target.served;
        return;
      }
      if (outcome === "refused") {
        target.ready = false; // until /readyz says otherwise
        this.stats.retriedRefused++;
        continue;
      }
      if (outcome === "reset-before-answer") {
        this.stats.retriedReset++;
        if (!IDEMPOTENT.has(method)) this.stats.retriedResetWrites++;
        continue;
      }
      this.stats.upstreamFailed++;
      return problem(res, 502, "The api replica failed while answering.");
    }
    this.stats.noReplica++;
    return problem(res, 503, "No api replica could take the request.");
  }

  private forward(
    target: Target,
    method: string,
    path: string,
    headers: Record<string, string | string[]>,
    body: Buffer,
    res: ServerResponse,
  ): Promise<"done" | "refused" | "reset-before-answer" | "failed"> {
    return new Promise((resolve) => {
      let answered = false;
      const upstream = httpRequest(
        { host: "127.0.0.1", port: target.port, method, path, headers, agent: target.agent },
        (answer) => {
          answered = true;
          const out: Record<string, string | string[]> = {};
          for (const [key, value] of Object.entries(answer.headers))
            if (value !== undefined && !HOP_BY_HOP.has(key)) out[key] = value;
          res.writeHead(answer.statusCode ?? 502, out);
          answer.pipe(res);
          answer.on("end", () => resolve("done"));
          answer.on("error", () => {
            res.destroy();
            resolve("failed");
          });
          answer.on("aborted", () => {
            res.destroy();
            resolve("failed");
          });
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (answered) return;
        if (error.code === "ECONNREFUSED") return resolve("refused");
        const reset =
          error.code === "ECONNRESET" || error.code === "EPIPE" || error.message === "socket hang up";
        resolve(reset && upstream.reusedSocket ? "reset-before-answer" : "failed");
      });
      upstream.setTimeout(30_000, () => upstream.destroy(new Error("upstream timeout")));
      upstream.end(body);
    });
  }

  async close(): Promise<void> {
    this.polling = false;
    for (const target of this.targets) target.agent.destroy();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
