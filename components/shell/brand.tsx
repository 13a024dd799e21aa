import { Anchor } from "lucide-react";
import Link from "next/link";

export function Brand() {
  return (
    <Link href="/containers" className="flex items-center gap-2 rounded-md">
      <span className="flex size-7 items-center justify-center rounded-md bg-accent-solid text-accent-fg shadow-sm">
        <Anchor className="size-4" strokeWidth={2.25} aria-hidden />
      </span>
      <span className="text-[15px] font-semibold tracking-tight text-fg">Berth</span>
    </Link>
  );
}
