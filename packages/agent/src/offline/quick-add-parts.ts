/** The pieces of the chat's add that the board's quick add reuses (see ../quick-add.ts). */
export { normalise } from "./normalise.js";
export { planAdd } from "./plan-add.js";
export { impossibleDate, recurrenceReply } from "./unclear.js";
