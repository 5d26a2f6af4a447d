/**
 * "undo", "undo that", "revert", "oops undo": reverts the assistant's last change in this conversation,
 * read from the stored history (every call of it: a set or several actions are reverted together).
 * Undoing an undo puts the change back.
 */
import { lastChange } from "./conversation.js";
import { inverseOf } from "./inverse.js";
import { PLEASE } from "./lexicon.js";
import type { OfflinePlan, Step, TurnContext } from "./types.js";

const UNDO = new RegExp(
  `^(?:(?:oops|whoops|oh\\s+no|no|nope|nah|actually|wait|sorry|hmm|ah|ugh|argh|damn|dang)[\\s,!.]+)*(?:(?:${PLEASE}|can\\s+you|could\\s+you)\\s+)?(?:undo|revert|reverse|roll\\s*back|take\\s+(?:that|it)\\s+back|cancel\\s+that)(?:\\s+(?:that|it|this|(?:the|my|your)\\s+last\\s+(?:change|action|one|thing|step)|what\\s+you\\s+(?:just\\s+)?did|(?:that|the)\\s+(?:last\\s+)?(?:change|action)))?(?:[\\s,]+(?:${PLEASE}|now|thanks))?[\\s.!?]*$`,
  "i",
);

export function isUndo(message: string): boolean {
  return UNDO.test(message.trim().replace(/[\u2018\u2019]/g, "'"));
}

export function planUndo(message: string, ctx: TurnContext): OfflinePlan | undefined {
  if (!isUndo(message)) return undefined;
  const changes = lastChange(ctx.history);
  if (changes === undefined)
    return {
      kind: "reply",
      reply: "There is nothing to undo: I haven't changed any task in this conversation yet.",
    };
  const steps: Step[] = [];
  for (const call of [...changes].reverse()) {
    const inverse = inverseOf(call);
    if ("cannot" in inverse) return { kind: "reply", reply: `${inverse.cannot} Nothing was changed.` };
    steps.push(inverse);
  }
  return { kind: "steps", purpose: "undo", steps };
}
