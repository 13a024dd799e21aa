import type { ReactNode } from "react";
import { cn } from "./cn";

/** A titled card for detail pages. */
export function Section({ title, actions, children, className }: { title: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn("rounded-lg border border-line bg-surface", className)}>
      <header className="flex min-h-10 items-center justify-between gap-3 border-b border-line px-4 py-2">
        <h2 className="text-[13px] font-semibold text-fg">{title}</h2>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </header>
      <div className="px-4 py-1">{children}</div>
    </section>
  );
}
