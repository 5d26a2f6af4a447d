export { getMe } from "./get-me";
export { setTimeZone } from "./set-time-zone";
