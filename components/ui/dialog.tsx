"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 animate-fade-in bg-black/40 dark:bg-black/60" />
      <RadixDialog.Content
        className={cn(
          "fixed top-[12vh] left-1/2 z-50 flex max-h-[76vh] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 flex-col",
          "animate-fade-in rounded-lg border border-line bg-surface shadow-xl",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <div className="flex items-start justify-between gap-4 px-5 pt-4">
          <div className="min-w-0">
            <RadixDialog.Title className="text-[15px] font-semibold text-fg">{title}</RadixDialog.Title>
            {description && <RadixDialog.Description className="mt-1 text-sm text-muted">{description}</RadixDialog.Description>}
          </div>
          <RadixDialog.Close className="-mt-0.5 -mr-1.5 rounded-md p-1 text-faint hover:bg-hover hover:text-fg" aria-label="Close">
            <X className="size-4" />
          </RadixDialog.Close>
        </div>
        <div className="min-h-0 overflow-y-auto px-5 pt-3 pb-5">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/** Footer row for dialog buttons: cancel left of the primary action, right-aligned. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-wrap items-center justify-end gap-2">{children}</div>;
}
