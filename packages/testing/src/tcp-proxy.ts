// A loopback TCP proxy the tests put between a service and PostgreSQL, to take the database away
// (cut), bring it back (restore), or hold traffic in flight (pause/resume) without touching the server.
import net from "node:net";
import { freePort } from "./processes";

export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private paused = false;
  private readonly held: (() => void)[] = [];
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /**
   * Starts listening (on a free port the first time, on the same port after a cut). The first port
   * comes from freePort(), outside the ephemeral range: while the proxy is cut, no `listen(0)` or
   * outgoing connection anywhere on the machine can take it before restore() binds it again.
   */
  async start(): Promise<void> {
    const again = this.port !== 0;
    for (let attempt = 1; ; attempt++) {
      const port = again ? this.port : await freePort();
      const server = net.createServer((client) => this.connect(client));
      try {
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(port, "127.0.0.1", () => resolve());
        });
      } catch (error) {
        // Only a first start may move to another port (nothing knows this one yet).
        if (again || attempt >= 5 || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
        continue;
      }
      this.port = (server.address() as net.AddressInfo).port;
      this.server = server;
      return;
    }
  }

  /** Connections accepted so far. */
  accepted = 0;

  private connect(client: net.Socket) {
    this.accepted++;
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on("data", (chunk) => {
        const send = () => {
          if (!to.destroyed) to.write(chunk);
        };
        if (this.paused) this.held.push(send);
        else send();
      });
    };
    forward(client, upstream);
    forward(upstream, client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on("error", close);
      socket.on("close", close);
    }
  }

  /** The database "goes away": established connections die and new ones are refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.held.length = 0;
    await closed;
  }

  /** Brings the database back on the same address. */
  async restore(): Promise<void> {
    await this.start();
  }

  /** Holds every byte in both directions until `resume()`: queries stay in flight. */
  pause(): void {
    this.paused = true;
  }

  /** How many chunks are being held by `pause()`: above zero once something is in flight. */
  get heldChunks(): number {
    return this.held.length;
  }

  resume(): void {
    this.paused = false;
    for (const send of this.held.splice(0)) send();
  }

  get url(): string {
    return `127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    this.resume();
    await this.cut();
  }
}

/** `postgres://…` with host and port replaced by the proxy's. */
export function viaProxy(databaseUrl: string, proxy: TcpProxy): string {
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  return url.toString();
}
