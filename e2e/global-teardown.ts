import { removeTestObjects } from "./global-setup";

/** Leaves the engine as the run found it: none of this run's labelled containers, networks or volumes. */
export default async function globalTeardown(): Promise<void> {
  removeTestObjects();
}
