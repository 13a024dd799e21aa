import type { LucideIcon } from "lucide-react";
import { cn } from "./cn";

export function EmptyState({
  icon: Icon,
  title,
  children,
  action,
  className,
  tone = "neutral",
}: {
  icon: LucideIcon;
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
  className?: string;
  tone?: "neutral" | "danger";
}) {
  return (
    <div className={cn("flex flex-col items-center justify-center px-6 py-14 text-center", className)}>
      <div
        className={cn(
          "mb-3 flex size-10 items-center justify-center rounded-full",
          tone === "danger" ? "bg-danger-soft text-danger" : "bg-surface-2 text-muted",
        )}
      >
        <Icon className="size-5" aria-hidden />
      </div>
      <h2 className="text-[15px] font-semibold text-fg">{title}</h2>
      {children && <div className="mt-1 max-w-md text-sm text-muted">{children}</div>}
      {action && <div className="mt-4 flex items-center gap-2">{action}</div>}
    </div>
  );
}
