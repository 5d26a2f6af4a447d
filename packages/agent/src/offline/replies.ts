import { GREETINGS } from "./lexicon.js";
import type { KnownTask } from "./types.js";

export const HELP_TEXT =
  "I can manage your tasks. Try: “add buy milk tomorrow #errands”, “show my pending tasks”, " +
  "“what's due this week?”, “mark task 3 as done”, “move the dentist appointment to friday”, " +
  "“set task 2 priority to high”, “rename task 4 to Call dad”, “delete task 5”, “add milk to Groceries”, " +
  "“what's in Work?”, “what lists do I have?” or “undo”.";

const GREETING = new RegExp(`^(?:${GREETINGS}|good\\s+\\w+|greetings)`, "i");
const THANKS = /^(?:thanks?|thank|thx|ty|cheers|great|cool|nice|awesome)/i;
const BYE = /^(?:bye|goodbye|see\s+ya)/i;

export function smallTalkReply(message: string): string {
  const text = message.trim();
  if (GREETING.test(text))
    return "Hi! What would you like to do with your tasks? Say “help” to see examples.";
  if (THANKS.test(text)) return "You're welcome! Anything else for your list?";
  if (BYE.test(text)) return "Bye! Your tasks will be here when you come back.";
  return "I'm your task assistant. Say “help” to see what I can do.";
}

export function notUnderstoodReply(): string {
  return "Sorry, I didn't understand that. Try “add call mom tomorrow”, “show my tasks” or “complete task 3”, or say “help”.";
}

const PRONOUN = /^(?:it|that|this|them|those|these|(?:that|this|the\s+last)\s+one)$/i;
const SEVERAL = /\b(?:all|every|everything|each|both)\b|\d+\s*(?:,|&|and)\s*(?:task\s*)?#?\d+/i;

/** No task matched `phrase`: say why in the words the user needs, never act on a guess. */
export function notFoundReply(phrase: string): string {
  if (PRONOUN.test(phrase))
    return "Which task do you mean? My last message named no single task, so name it by its number or part of its title, like “complete task 3” or “complete the milk task”.";
  if (SEVERAL.test(phrase)) return severalReply();
  const what = phrase.length > 0 ? ` matching “${phrase}”` : "";
  return `I couldn't find a task${what}. Say “show my tasks” to see your list and their numbers.`;
}

export function ambiguousReply(phrase: string, candidates: readonly KnownTask[]): string {
  const options = candidates.map((t) => `#${t.id} “${t.title}”`).join(", ");
  return `More than one task matches “${phrase}”: ${options}. Which one do you mean?`;
}

export function nothingToChangeReply(id: number): string {
  return `What should I change about task #${id}? You can rename it, or set its priority, due date, tags or description.`;
}

export function tooLongReply(limit: number): string {
  return `That message is too long for me: I read commands of up to ${limit} characters, one task change at a time. Nothing was changed. Say it in fewer words, or put long notes in the task's description on the board.`;
}

/** A set named where only one task can be changed: say so, change nothing. */
export function severalReply(): string {
  return "That names several tasks. I can complete, reopen or delete a set at once (“complete all tasks tagged work”, “delete all completed tasks”), but I rename, reschedule, tag or reprioritise one task at a time. Nothing was changed; name one task by its number or part of its title.";
}
