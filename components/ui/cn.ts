import { clsx, type ClassValue } from "clsx";

/** Joins class names. Primitives avoid conflicting utilities, so no merge step is needed. */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
