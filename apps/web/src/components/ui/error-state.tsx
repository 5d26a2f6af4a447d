import { AlertIcon } from "./icons";

type Props = {
  /** What could not be done ("Couldn’t load your tasks"); the card variant shows it above the message. */
  title?: string;
  /** Why, in plain words (useApiData's `error`). */
  message: string;
  /** Offers "Try again" when given. */
  onRetry?: () => void;
  /** `card`: in place of a list that could not load; `inline`: one line above or inside a small list. */
  variant?: "card" | "inline";
  testId?: string;
  retryTestId?: string;
};

/** A load or an action that failed, with why and a way to try again, the same way everywhere. */
export function ErrorState({ title, message, onRetry, variant = "card", testId, retryTestId }: Props) {
  if (variant === "inline") {
    return (
      <div
        role="alert"
        className="flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        data-testid={testId}
      >
        <AlertIcon className="shrink-0" />
        <span className="flex-1">
          {title && <span className="font-medium">{title}: </span>}
          {message}
        </span>
        {onRetry && (
          <button
            type="button"
            className="btn btn-secondary py-1"
            onClick={onRetry}
            data-testid={retryTestId}
          >
            Try again
          </button>
        )}
      </div>
    );
  }
  return (
    <div
      role="alert"
      className="card flex flex-col items-center gap-3 px-6 py-10 text-center"
      data-testid={testId}
    >
      <span className="grid size-11 place-items-center rounded-full bg-red-50 text-red-600">
        <AlertIcon />
      </span>
      <div>
        {title && <p className="font-medium">{title}</p>}
        <p className="mt-1 text-sm text-slate-600">{message}</p>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-secondary" onClick={onRetry} data-testid={retryTestId}>
          Try again
        </button>
      )}
    </div>
  );
}
