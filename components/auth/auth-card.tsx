import { Anchor } from "lucide-react";
import type { ReactNode } from "react";

/** The centred card used by the sign-in and setup pages (outside the console shell). */
export function AuthCard({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-full flex-col items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span className="flex size-10 items-center justify-center rounded-lg bg-accent-solid text-accent-fg shadow-sm">
            <Anchor className="size-5" strokeWidth={2.25} aria-hidden />
          </span>
          <div>
            <p className="text-xl font-semibold tracking-tight">Berth</p>
            <p className="text-[13px] text-muted">Docker operations console</p>
          </div>
        </div>
        <div className="rounded-xl border border-line bg-surface p-6 shadow-sm">
          <h1 className="text-base font-semibold">{title}</h1>
          {description && <div className="mt-1 text-[13px] text-muted">{description}</div>}
          <div className="mt-5">{children}</div>
        </div>
        {footer && <div className="mt-4 text-center text-[13px] text-muted">{footer}</div>}
      </div>
    </main>
  );
}

export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div
      role="alert"
      data-testid="form-error"
      className="rounded-md border border-red-200 bg-danger-soft px-3 py-2 text-[13px] text-danger dark:border-red-900/60"
    >
      {children}
    </div>
  );
}
