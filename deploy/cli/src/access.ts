// How the browser (and MCP clients) reach the app, and the matching chart values. Sign-in cookies
// are bound to one public URL (`publicUrl` → BETTER_AUTH_URL) plus `trustedOrigins`, so the URL
// the user is told to open must be exactly one of them: each access mode sets both explicitly.
//   ingress       https://<host> through ingress-nginx (default host taskflow.test, set with --host)
//   nodeport      http://<minikube ip>:<nodePort> (Linux, or a VM driver whose node IP is reachable)
//   port-forward  http://localhost:<port> through `npm run k8s -- open`
// The web server proxies /api/* to the api but not /mcp (apps/web/src/app/api/[...path]), so
// without the ingress MCP clients need a port-forward of the mcp Service, which `open` also runs.
import type { Ctx, Options } from "./context";
import { DEFAULT_WEB_PORT } from "./context";

export interface AccessValues {
  publicUrl: string;
  trustedOrigins: string[];
  /** --set-string pairs for helm. */
  sets: string[];
}

export function accessValues(opts: Options, minikubeIp: string | undefined): AccessValues {
  const port = opts.port ?? DEFAULT_WEB_PORT;
  const local = `http://localhost:${port}`;
  const nodePortOrigin = minikubeIp ? `http://${minikubeIp}:${opts.nodePort}` : undefined;
  let publicUrl: string;
  const sets: string[] = [];
  let origins: (string | undefined)[];
  switch (opts.access) {
    case "ingress":
      publicUrl = `https://${opts.host}`;
      sets.push(`ingress.host=${opts.host}`);
      if (opts.tlsSecret) sets.push(`ingress.tls.secretName=${opts.tlsSecret}`);
      // `open` and `minikube service --url` keep working next to the ingress.
      origins = [local, nodePortOrigin];
      break;
    case "nodeport":
      if (!nodePortOrigin) throw new Error("`minikube ip` gave no address: cannot build the NodePort URL");
      publicUrl = nodePortOrigin;
      origins = [publicUrl, local];
      break;
    case "port-forward":
      publicUrl = local;
      origins = [publicUrl];
      break;
  }
  // The web Service is a NodePort in every mode (values-dev.yaml); set it so the port is known.
  sets.push("web.service.type=NodePort", `web.service.nodePort=${opts.nodePort}`);
  sets.push(`publicUrl=${publicUrl}`);
  const trustedOrigins = [...new Set(origins.filter((o): o is string => !!o))];
  trustedOrigins.forEach((o, i) => {
    sets.push(`trustedOrigins[${i}]=${o}`);
  });
  return { publicUrl, trustedOrigins, sets };
}

/** Refuses an access mode that cannot work on this machine, before anything is installed. */
export function checkAccess(opts: Options, driver: string): void {
  if (opts.access === "nodeport" && opts.platform !== "linux" && driver === "docker")
    throw new Error(
      `--access nodeport: with the Docker driver on ${opts.platform === "darwin" ? "macOS" : "Windows"} the node IP is not reachable from this machine ` +
        "(`minikube service --url` only works through a tunnel on a random port). Use `--access port-forward` " +
        "(then `npm run k8s -- open`) or the default ingress with `minikube tunnel`.",
    );
}

export function mdnsWarning(opts: Options): string | undefined {
  if (opts.access === "ingress" && opts.host.endsWith(".local") && opts.platform === "darwin")
    return `${opts.host}: macOS resolves .local names by mDNS (Bonjour), so lookups stall or fail even with a hosts entry; prefer a .test name (the default, taskflow.test) or <ip>.nip.io.`;
  return undefined;
}

/** Where to point the browser and MCP clients, with the platform's extra steps. */
export function accessHints(ctx: Ctx): string[] {
  const { opts, facts } = ctx;
  const ip = facts.minikubeIp || "$(minikube ip)";
  const ns = opts.namespace;
  const web = facts.webService ?? "<release>-web";
  const mcp = facts.mcpService;
  const lines: string[] = [];
  const mcpForward = mcp
    ? `kubectl port-forward -n ${ns} svc/${mcp} ${opts.mcpPort}:${facts.mcpServicePort ?? opts.mcpPort}`
    : undefined;
  if (opts.access === "port-forward") {
    const port = opts.port ?? DEFAULT_WEB_PORT;
    lines.push(`Open the app: npm run k8s -- open   (forwards http://localhost:${port})`);
    if (mcp)
      lines.push(
        `MCP clients: http://localhost:${opts.mcpPort}/mcp while \`npm run k8s -- open\` runs (it forwards svc/${mcp} too;`,
        `  the web proxies /api only, so the .../mcp URL on the Tokens page is not served in this mode).`,
      );
    return lines;
  }
  if (opts.access === "nodeport") {
    lines.push(`Open the app: ${facts.publicUrl}`);
    lines.push(`  (the NodePort of svc/${web}; \`minikube service ${web} -n ${ns} --url\` prints it too)`);
    if (mcpForward)
      lines.push(
        `MCP clients: ${mcpForward}, then http://localhost:${opts.mcpPort}/mcp (the NodePort serves the web, which proxies /api only).`,
      );
    return lines;
  }
  lines.push(`Open the app: https://${opts.host}   (self-signed certificate: accept it once in the browser)`);
  if (opts.platform === "linux") {
    lines.push(`  add to /etc/hosts:  ${ip} ${opts.host}`);
  } else {
    const hosts =
      opts.platform === "win32"
        ? "C:\\Windows\\System32\\drivers\\etc\\hosts (as Administrator)"
        : "/etc/hosts";
    lines.push(
      "  1. keep `minikube tunnel` running in another terminal (the Docker driver hides the node IP)",
    );
    lines.push(`  2. add to ${hosts}:  127.0.0.1 ${opts.host}`);
  }
  lines.push(`MCP endpoint: https://${opts.host}/mcp (personal token from the Tokens page).`);
  if (!opts.tlsSecret)
    lines.push(
      "  MCP clients (Claude Desktop, Cursor, Node) reject a self-signed certificate. Trust one made with mkcert:",
      `    mkcert -install && mkcert ${opts.host}`,
      `    kubectl -n ${ns} create secret tls ${opts.host}-mkcert --cert=${opts.host}.pem --key=${opts.host}-key.pem`,
      `    npm run k8s -- up --tls-secret ${opts.host}-mkcert`,
      '  or, for Node-based clients only: export NODE_EXTRA_CA_CERTS="$(mkcert -CAROOT)/rootCA.pem" after serving that certificate.',
    );
  lines.push(
    `Also trusted for sign-in: http://localhost:${opts.port ?? DEFAULT_WEB_PORT} (\`npm run k8s -- open\`)` +
      (facts.minikubeIp
        ? ` and http://${facts.minikubeIp}:${opts.nodePort} (NodePort of svc/${web}, Linux)`
        : ""),
  );
  lines.push("No hosts edit? `npm run k8s -- up --access port-forward` then `npm run k8s -- open`.");
  return lines;
}
