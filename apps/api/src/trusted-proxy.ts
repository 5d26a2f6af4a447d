// Which peer may tell the api who the client is. Fastify (proxy-addr) walks X-Forwarded-For from the
// right for as long as each address is trusted, so with a list of private ranges a request from a
// trusted proxy carrying `X-Forwarded-For: <anything>, 10.0.0.7` resolves to <anything>: whoever sits
// in a trusted range can pick their own rate-limit bucket. Here only the socket peer (hop 0) is ever
// trusted: its last X-Forwarded-For entry (the address that proxy saw) is the client, and nothing
// to the left of it is read.
import { BlockList, isIP } from "node:net";

/** `(address, hop) => boolean`, the form Fastify's `trustProxy` option takes. */
export type TrustProxy = (address: string, hop: number) => boolean;

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  linklocal: ["169.254.0.0/16", "fe80::/10"],
  uniquelocal: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** What is wrong with a TRUST_PROXY setting: one line per bad entry, none when it is usable. */
export function trustProxyProblems(setting: string): string[] {
  if (setting === "true" || setting === "false") return [];
  return entries(setting).flatMap((entry) => {
    if (entry in NAMED_RANGES) return [];
    const [address = "", bits, ...rest] = entry.split("/");
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return [`"${entry}" is not an IP address, CIDR or range name`];
    if (bits === undefined) return [];
    const max = version === 4 ? 32 : 128;
    return /^\d+$/.test(bits) && Number(bits) <= max ? [] : [`"${entry}" needs a prefix length of 0–${max}`];
  });
}

/**
 * `"false"` trusts nobody; `"true"` trusts whichever peer connects (the api is reachable only through
 * the proxy); otherwise a comma list of addresses, CIDRs and `loopback`/`linklocal`/`uniquelocal`.
 * The setting must have passed `trustProxyProblems`.
 */
export function oneHopTrust(setting: string): TrustProxy {
  if (setting === "false") return () => false;
  if (setting === "true") return (_address, hop) => hop === 0;
  const peers = new BlockList();
  for (const entry of entries(setting)) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) {
      const [address = "", bits] = range.split("/");
      const type = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) peers.addAddress(address, type);
      else peers.addSubnet(address, Number(bits), type);
    }
  }
  return (address, hop) => hop === 0 && isTrusted(peers, address);
}

function isTrusted(peers: BlockList, address: string): boolean {
  // An IPv4 client of a dual-stack socket shows up as ::ffff:a.b.c.d.
  const plain = address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const version = isIP(plain);
  return version !== 0 && peers.check(plain, version === 6 ? "ipv6" : "ipv4");
}

function entries(setting: string): string[] {
  return setting
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
