/** Why a turn could not finish; the api turns each into a clear message and status. */
export type AgentFailure = "tools_unavailable" | "llm_unavailable" | "llm_invalid" | "timeout";

const MESSAGES: Record<AgentFailure, string> = {
  tools_unavailable:
    "The task tools are unavailable right now, so I can't read or change your tasks. Please try again in a moment — the board still works.",
  llm_unavailable: "The AI model could not be reached right now. Please try again in a moment.",
  llm_invalid: "The AI model sent a reply I could not use. Please try rephrasing.",
  timeout: "That took too long, so I stopped. Please try again.",
};

export class AgentError extends Error {
  constructor(
    readonly failure: AgentFailure,
    override readonly cause?: unknown,
  ) {
    super(MESSAGES[failure]);
    this.name = "AgentError";
  }
}
