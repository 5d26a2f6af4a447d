// V8 tuning for a process that answers requests. V8 "pretenures" an allocation site, allocating its
// objects straight into the old generation, once most of them outlived a young-generation collection.
// Under load a service's database rows (pg's row arrays and the task rows built from them) are alive
// across a collection often enough for V8 to pretenure their sites, although each row lives for one
// request. From then on every row goes to the old generation, dead rows there keep their young strings
// alive (so those are copied and promoted too) until the next full collection, and the process does
// several times the GC work of a bare server: the api's `GET /api/tasks?limit=50` spent 12 % of its CPU
// in GC against the baseline's 5 %, and without pretenuring 10–25 % less CPU per request in three
// side-by-side runs (bench/what-changed.md, eighth round). The bare baseline, whose rows V8 never
// pretenures, measures the same with and without.
//
// It is a V8 flag that NODE_OPTIONS does not accept, so the process sets it itself, before it serves.
import { setFlagsFromString } from "node:v8";

/** Turns V8's allocation-site pretenuring off for this process (from now on: sites already pretenured stay). */
export function tuneHeapForServing(): void {
  setFlagsFromString("--no-allocation-site-pretenuring");
}
