// A full garbage collection in another Node process, through its inspector: SIGUSR1 opens it on
// 127.0.0.1:9229, HeapProfiler.collectGarbage runs the GC, and the inspector is closed again. Used to read
// memory that survives a GC (a leak) rather than garbage V8 has not collected yet. Loopback only.
import { sleep } from "./proc";

const PORT = 9229;

interface Target {
  webSocketDebuggerUrl?: string;
  url?: string;
}

type Socket = {
  send(data: string): void;
  close(): void;
  addEventListener?: (event: string, fn: (event: { data: unknown }) => void) => void;
  on?: (event: string, fn: (data: unknown) => void) => void;
};

async function webSocket(url: string): Promise<Socket | undefined> {
  const Native = (globalThis as { WebSocket?: new (url: string) => Socket }).WebSocket;
  // Node 22 has a global WebSocket; on Node 20 the `ws` package (when installed) does the same.
  const wsPackage = "ws";
  const Ctor =
    Native ??
    (
      (await import(wsPackage).catch(() => undefined)) as
        | { default?: new (url: string) => Socket }
        | undefined
    )?.default;
  if (!Ctor) return undefined;
  const socket = new Ctor(url);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("inspector connection timed out")), 3000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (socket.addEventListener) socket.addEventListener("open", done);
    else socket.on?.("open", done);
  });
  return socket;
}

function call(
  socket: Socket,
  id: number,
  method: string,
  params: Record<string, unknown> = {},
): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    const onMessage = (raw: unknown) => {
      const text = typeof raw === "string" ? raw : String((raw as { data?: unknown })?.data ?? raw);
      if (text.includes(`"id":${id}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    if (socket.addEventListener) socket.addEventListener("message", (event) => onMessage(event.data));
    else socket.on?.("message", onMessage);
    socket.send(JSON.stringify({ id, method, params }));
  });
}

/** True when a full GC ran in `pid` (whose main script path contains `script`). */
export async function forceGc(pid: number, script: string): Promise<boolean> {
  try {
    process.kill(pid, "SIGUSR1");
    let target: Target | undefined;
    for (let i = 0; i < 30 && !target; i++) {
      await sleep(100);
      const list = (await fetch(`http://127.0.0.1:${PORT}/json/list`).then(
        (r) => r.json(),
        () => [],
      )) as Target[];
      target = list.find((t) => t.webSocketDebuggerUrl && (t.url ?? "").includes(script));
    }
    if (!target?.webSocketDebuggerUrl) return false;
    const socket = await webSocket(target.webSocketDebuggerUrl);
    if (!socket) return false;
    await call(socket, 1, "HeapProfiler.collectGarbage");
    await call(socket, 2, "HeapProfiler.collectGarbage");
    // Close the inspector again, so the port is free for the next process.
    socket.send(
      JSON.stringify({
        id: 3,
        method: "Runtime.evaluate",
        params: { expression: "process.getBuiltinModule('node:inspector').close()" },
      }),
    );
    await sleep(200);
    socket.close();
    return true;
  } catch {
    return false;
  }
}
