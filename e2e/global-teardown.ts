import { removeTestObjects } from "./global-setup";

/** Leaves the engine as the run found it: no containers, networks or volumes labelled berth.test. */
export default async function globalTeardown(): Promise<void> {
  removeTestObjects();
}
