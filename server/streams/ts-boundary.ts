import { tsKey } from "@/server/docker/logs";

/**
 * Remembers the newest log position delivered, to drop lines seen before when two reads overlap
 * (backlog then live, a re-opened follow stream). Two lines can share a timestamp, so at the
 * boundary the texts seen are remembered too: a same-time line with new text is not lost.
 */
export class TsBoundary {
  private lastKey = "";
  private textsAtLast = new Set<string>();

  /** True (and remembered) when the line is after the boundary; false for a repeat. */
  admit(ts: string, stream: string, text: string): boolean {
    if (!ts) return true;
    const key = tsKey(ts);
    if (key > this.lastKey) {
      this.lastKey = key;
      this.textsAtLast = new Set([stream + text]);
      return true;
    }
    if (key < this.lastKey || this.textsAtLast.has(stream + text)) return false;
    this.textsAtLast.add(stream + text);
    return true;
  }
}
