// Each chat message is sent with a client_turn_id; the api runs a turn once per id and answers a repeat
// with what it stored. So a message sent again after a failure whose outcome is unknown (the connection
// dropped, the answer timed out, the reply was cut off) reuses its id and can never do the work twice.
// Once the api has answered for the turn — its reply, or a failure it stored — the id is used up:
// sending the message again is a new turn.

export type PendingTurn = { message: string; turnId: string };

/** A fresh id. randomUUID needs a secure context; a plain-http deployment still has getRandomValues. */
export function newTurnId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The turn to send `message` as: the unsettled one when it is the same message again, else a new one. */
export function turnFor(pending: PendingTurn | null, message: string, makeId = newTurnId): PendingTurn {
  return pending?.message === message ? pending : { message, turnId: makeId() };
}

/**
 * Did the api settle the turn with this failure? A problem naming the conversation it was stored in
 * (or a streamed `error` event) did; a proxy's 502/504, a 409 "still running", a 429 or a lost
 * connection leave it unknown, so a retry must reuse the id.
 */
export function settledByProblem(body: unknown): body is { conversation_id: number } {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { conversation_id?: unknown }).conversation_id === "number"
  );
}
