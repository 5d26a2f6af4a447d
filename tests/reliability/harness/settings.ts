// Durations of the suite, in one place. RELIABILITY_LOAD_SECONDS scales the main load test (default 60 s,
// as the issue asks); the others are sized to keep the whole suite under six minutes on two cores.
export const LOAD_SECONDS = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60);
export const LOAD_USERS = Number(process.env.RELIABILITY_LOAD_USERS ?? 100);

/** Prints one line of evidence to the test log. */
export function evidence(line: string) {
  console.log(line);
}
