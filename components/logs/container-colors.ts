/*
 * Each container of a merged view gets its own colour for the gutter, so interleaved lines can be
 * told apart at a glance. Hues are spread so neighbours in the list differ, and each has a light-
 * and a dark-theme shade that passes contrast on the log background.
 */
export interface ContainerColor {
  /** Name text in the gutter. */
  readonly text: string;
  /** The bar / dot. */
  readonly bar: string;
}

const COLORS: readonly ContainerColor[] = [
  { text: "text-sky-700 dark:text-sky-300", bar: "bg-sky-500" },
  { text: "text-violet-700 dark:text-violet-300", bar: "bg-violet-500" },
  { text: "text-emerald-700 dark:text-emerald-300", bar: "bg-emerald-500" },
  { text: "text-orange-700 dark:text-orange-300", bar: "bg-orange-500" },
  { text: "text-pink-700 dark:text-pink-300", bar: "bg-pink-500" },
  { text: "text-teal-700 dark:text-teal-300", bar: "bg-teal-500" },
  { text: "text-indigo-700 dark:text-indigo-300", bar: "bg-indigo-500" },
  { text: "text-lime-700 dark:text-lime-300", bar: "bg-lime-500" },
];

export function containerColor(index: number): ContainerColor {
  return COLORS[((index % COLORS.length) + COLORS.length) % COLORS.length]!; // a non-negative remainder: in range
}
