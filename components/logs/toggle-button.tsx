"use client";

import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** A small on/off button (aria-pressed) for toolbar options: `.*`, `Aa`, timestamps, UTC. */
export const ToggleButton = forwardRef<HTMLButtonElement, ButtonHTMLAttributes<HTMLButtonElement> & { pressed: boolean }>(function ToggleButton(
  { pressed, className, type = "button", ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      aria-pressed={pressed}
      className={cn(
        "inline-flex h-7 shrink-0 items-center justify-center gap-1.5 rounded-md px-2 text-[13px] font-medium whitespace-nowrap transition-colors select-none [&_svg]:size-4",
        pressed ? "bg-accent-soft text-accent ring-1 ring-accent/30 ring-inset" : "text-muted hover:bg-hover hover:text-fg",
        className,
      )}
      {...props}
    />
  );
});

/** One choice out of a few, as a compact segmented control. */
export function Segmented<T extends string>({
  value,
  options,
  onChange,
  label,
  testId,
}: {
  value: T;
  options: readonly { value: T; label: string; hint?: string }[];
  onChange: (v: T) => void;
  label: string;
  testId?: string;
}) {
  return (
    <div role="group" aria-label={label} data-testid={testId} className="flex shrink-0 rounded-md border border-line bg-surface-2/60 p-0.5">
      {options.map((o) => {
        const active = o.value === value;
        return (
          <button
            key={o.value}
            type="button"
            aria-pressed={active}
            title={o.hint}
            data-value={o.value}
            onClick={() => onChange(o.value)}
            className={cn(
              "inline-flex h-6 items-center rounded px-2 text-[12px] font-medium whitespace-nowrap transition-colors",
              active ? "bg-surface text-fg shadow-sm ring-1 ring-line" : "text-muted hover:text-fg",
            )}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
