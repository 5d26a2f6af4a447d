let keySeq = 0;

/** A key for a message made in this tab (stored messages use their id). */
export const nextKey = () => `m${++keySeq}`;
