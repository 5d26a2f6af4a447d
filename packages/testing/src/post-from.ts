// A JSON POST sent from a chosen local address (any 127.x.y.z is this machine), so a test can play
// several clients, or a proxy and a client, against one server on loopback.
import { request } from "node:http";

/** POSTs `body` as JSON to `url` from `localAddress`; resolves to the response status. */
export function postJsonFrom(
  url: string,
  localAddress: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        localAddress,
        agent: false,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
        },
        timeout: 15_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error(`POST ${url} from ${localAddress} timed out`)));
    req.end(payload);
  });
}
