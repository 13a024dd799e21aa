import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="font-mono text-sm text-faint">404</p>
      <h1 className="text-lg font-semibold">This page does not exist</h1>
      <p className="max-w-sm text-sm text-muted">The address may be mistyped, or the page was moved.</p>
      <Link href="/containers" className={buttonClasses("secondary", "md", "mt-2")}>
        Back to containers
      </Link>
    </main>
  );
}
