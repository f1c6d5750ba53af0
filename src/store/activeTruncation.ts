/**
 * The truncation the worker's model carries now, readable by any store
 * without importing the truncate store (whose module subscribes to the
 * model store, and the model store imports the sweep store: importing it
 * there would be a cycle that runs before the model store exists).
 */
let active: string[] = [];

export const activeTruncation = {
  get: (): string[] => active,
  set: (list: string[]): void => {
    active = list;
  },
};
