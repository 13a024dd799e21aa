"use client";

// Same fallback as the root, but inside the console shell so navigation stays usable.
export { default } from "../error";
