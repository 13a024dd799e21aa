"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { runWithToast } from "@/components/resources/use-run";
import { shortId } from "@/lib/format";
import { imageKeys, removeImage, tagImage } from "@/lib/queries/images";
import type { ImageSummary } from "@/lib/wire";
import { PushDialog, RemoveImagesDialog, TagDialog } from "./image-dialogs";

/** What the tag/push/remove actions need of an image: a list row and the detail both have it. */
export type ImageTarget = Pick<ImageSummary, "id" | "repoTags" | "containers">;

export const imageLabel = (i: Pick<ImageSummary, "id" | "repoTags">) => i.repoTags[0] ?? `<none> ${shortId(i.id)}`;

/**
 * Tag, push and remove for the images list and the image detail page: one set of dialogs and
 * toasts, so both pages behave alike. Render `dialogs` once; call `tag`/`push`/`remove` from buttons.
 * `onRemoved` gets the images Docker deleted (not those it only untagged).
 */
export function useImageActions(engine: string, opts: { onRemoved?: (deleted: readonly ImageTarget[]) => void } = {}) {
  const qc = useQueryClient();
  const [tagFor, setTagFor] = useState<ImageTarget | null>(null);
  const [pushFor, setPushFor] = useState<ImageTarget | null>(null);
  const [removeFor, setRemoveFor] = useState<readonly ImageTarget[] | null>(null);

  // The list key prefixes every image query (detail, history), so one invalidation refreshes both pages.
  const refresh = () => void qc.invalidateQueries({ queryKey: imageKeys.list(engine) });

  const doRemove = async (targets: readonly ImageTarget[], force: boolean) => {
    setRemoveFor(null);
    const results = await Promise.all(
      targets.map((i) =>
        // One tag and no force: remove by that tag (the CLI's `rmi name`); otherwise by id, which needs
        // force for an image with several tags — Docker says so, and names a container that uses it.
        runWithToast(`image-remove-${i.id}`, () => removeImage(engine, i.repoTags.length === 1 && !force ? i.repoTags[0]! : i.id, force), {
          success: (r) => (r.deleted.length ? `Removed ${imageLabel(i)}` : `Untagged ${imageLabel(i)}`),
          failure: `Could not remove ${imageLabel(i)}`,
        }).then((r) => (r && r.deleted.length > 0 ? i : null)),
      ),
    );
    const deleted = results.filter((i): i is ImageTarget => i !== null);
    if (deleted.length > 0) opts.onRemoved?.(deleted);
    refresh();
  };

  const dialogs: ReactNode = (
    <>
      {pushFor && <PushDialog engine={engine} tags={pushFor.repoTags} open onOpenChange={(o) => !o && setPushFor(null)} />}
      {tagFor && (
        <TagDialog
          open
          onOpenChange={(o) => !o && setTagFor(null)}
          source={imageLabel(tagFor)}
          onTag={(target) =>
            void runWithToast(`tag-${tagFor.id}`, () => tagImage(engine, tagFor.id, target), {
              success: (r) => `Tagged as ${r.tagged}`,
              failure: `Could not tag ${imageLabel(tagFor)}`,
            }).then(refresh)
          }
        />
      )}
      {removeFor && (
        <RemoveImagesDialog
          names={removeFor.map(imageLabel)}
          inUse={removeFor.filter((i) => i.containers > 0).length}
          onCancel={() => setRemoveFor(null)}
          onConfirm={(force) => void doRemove(removeFor, force)}
        />
      )}
    </>
  );

  return { tag: setTagFor, push: setPushFor, remove: setRemoveFor, dialogs };
}
