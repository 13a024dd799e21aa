import type { LucideIcon } from "lucide-react";
import { PageHeader } from "@/components/page-header";

/** A tidy placeholder for sections that are planned but not built yet. */
export function ComingSoon({
  title,
  icon: Icon,
  summary,
  planned,
}: {
  title: string;
  icon: LucideIcon;
  summary: string;
  planned: readonly string[];
}) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <div className="p-4 sm:p-6">
        <div className="mx-auto max-w-xl rounded-lg border border-dashed border-line-strong bg-surface px-6 py-10 text-center">
          <div className="mx-auto mb-3 flex size-10 items-center justify-center rounded-full bg-accent-soft text-accent">
            <Icon className="size-5" aria-hidden />
          </div>
          <h2 className="text-[15px] font-semibold">{title} are coming to Berth</h2>
          <p className="mt-1 text-sm text-muted">This section is not built yet. Here is what it will do:</p>
          <ul className="mx-auto mt-4 max-w-sm space-y-1.5 text-left text-[13px] text-muted">
            {planned.map((p) => (
              <li key={p} className="flex gap-2">
                <span aria-hidden className="mt-1.5 size-1.5 shrink-0 rounded-full bg-line-strong" />
                {p}
              </li>
            ))}
          </ul>
          <p className="mt-5 text-xs text-faint">
            Until then, the <code className="font-mono">docker</code> CLI on the host does the job.
          </p>
        </div>
      </div>
    </>
  );
}
