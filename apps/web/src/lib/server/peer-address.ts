// The address of whoever opened the TCP connection to this web server. Next does not give route
// handlers the socket, and the X-Forwarded-For it hands them is the client's own header when one was
// sent (Next only fills it in when missing), so it cannot tell a browser from a liar.
//
// Node publishes every incoming request on the `http.server.request.start` diagnostics channel,
// synchronously, before the server's 'request' event, with the request and its socket. A subscriber
// stamps each request with the socket's address in a private header, behind a per-process random
// token: a client sending the header itself cannot know the token, and a request that came in before
// the subscriber existed (in the first moments after start) carries no valid stamp and is treated
// as having no known peer.
import { randomBytes, timingSafeEqual } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_HEADER = "x-taskflow-peer";

const STATE = Symbol.for("taskflow.peer-address");
type State = { token: string; channel: diagnosticsChannel.Channel };
type WithState = typeof globalThis & { [STATE]?: State };

/** Starts stamping requests with their peer address; idempotent. Called once from instrumentation. */
export function recordPeerAddresses(): void {
  const holder = globalThis as WithState;
  if (holder[STATE]) return;
  const token = randomBytes(24).toString("base64url");
  // Held on globalThis: a channel nobody references may be collected along with its subscriber.
  const channel = diagnosticsChannel.channel("http.server.request.start");
  channel.subscribe((message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = `${token} ${socket.remoteAddress ?? ""}`;
  });
  holder[STATE] = { token, channel };
}

/** The peer address stamped on this request, or undefined when it carries no valid stamp. */
export function peerAddress(headers: Headers): string | undefined {
  const state = (globalThis as WithState)[STATE];
  const stamp = headers.get(PEER_HEADER);
  if (!state || !stamp) return undefined;
  const space = stamp.indexOf(" ");
  const token = Buffer.from(space === -1 ? stamp : stamp.slice(0, space));
  const expected = Buffer.from(state.token);
  if (token.length !== expected.length || !timingSafeEqual(token, expected)) return undefined;
  const address = stamp.slice(space + 1);
  return address || undefined;
}
