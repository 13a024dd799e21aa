import type { Linter } from "eslint";

/** The module-boundary rules (see eslint.boundaries.mjs), typed for server/boundaries.test.ts. */
declare const boundaries: Linter.Config[];
export default boundaries;
