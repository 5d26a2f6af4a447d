export { getMe, getTimeZone } from "./get-me";
export { setTimeZone } from "./set-time-zone";
