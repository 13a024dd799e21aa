import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/** Dense data-table styles shared by every list: 13px text, 36px rows, sticky header. */
export function TableFrame({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  // `relative`: absolutely placed children (sr-only labels) are then clipped by this frame too, instead of
  // widening the whole page on a phone.
  return <div className={cn("relative overflow-x-auto rounded-lg border border-line bg-surface", className)} {...props} />;
}

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cn("w-full border-collapse text-[13px]", className)} {...props} />;
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={cn("h-9 border-b border-line bg-surface-2 px-2.5 text-left text-xs font-medium whitespace-nowrap text-muted", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("h-9 border-b border-line px-2.5 align-middle", className)} {...props} />;
}

/** Key/value table for detail pages. */
export function KeyValueTable({ rows, className }: { rows: readonly (readonly [string, React.ReactNode])[]; className?: string }) {
  return (
    // On a phone a long key (com.docker.network.bridge.enable_icc) must not squeeze its value to one letter a line.
    <dl
      className={cn("grid grid-cols-[minmax(6rem,40%)_1fr] text-[13px] sm:grid-cols-[minmax(8rem,max-content)_1fr] [&>div:last-child>*]:border-b-0", className)}
    >
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="min-w-0 border-b border-line py-2 pr-3 break-words text-muted sm:pr-6">{k}</dt>
          <dd className="min-w-0 border-b border-line py-2 break-words text-fg">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
