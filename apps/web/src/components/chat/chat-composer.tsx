import type { FormEvent, KeyboardEvent, RefObject } from "react";
import { SendIcon } from "@/components/ui/icons";

type Props = {
  input: string;
  onInput: (value: string) => void;
  onSend: (text: string) => void;
  streaming: boolean;
  onStop: () => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
};

/** The message box: Enter sends, Shift+Enter makes a new line, Stop while a reply streams. */
export function ChatComposer({ input, onInput, onSend, streaming, onStop, inputRef }: Props) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSend(input);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSend(input);
    }
  }

  return (
    <form onSubmit={onSubmit} className="border-t border-slate-200 p-3">
      <div className="flex items-end gap-2 rounded-xl border border-slate-300 bg-surface p-1.5 shadow-xs focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-200">
        <label htmlFor="chat-input" className="sr-only">
          Message the assistant
        </label>
        <textarea
          ref={inputRef}
          id="chat-input"
          data-testid="chat-input"
          rows={1}
          maxLength={4000}
          className="max-h-32 min-h-9 flex-1 resize-none border-0 bg-transparent px-2 py-1.5 text-sm placeholder:text-slate-500 focus:ring-0 focus:outline-none"
          placeholder="Ask or tell the assistant…"
          value={input}
          onChange={(event) => onInput(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {streaming ? (
          <button type="button" className="btn btn-secondary px-3" onClick={onStop} data-testid="chat-stop">
            Stop
          </button>
        ) : (
          <button
            type="submit"
            className="btn btn-primary px-3"
            disabled={!input.trim()}
            aria-label="Send"
            data-testid="chat-send"
          >
            <SendIcon />
          </button>
        )}
      </div>
      <p className="mt-1.5 px-1 text-[0.7rem] text-slate-500">Enter to send · Shift+Enter for a new line</p>
    </form>
  );
}
