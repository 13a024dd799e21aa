import { Pause, Play, RotateCw, Square, Trash2, Zap, type LucideIcon } from "lucide-react";
import type { LifecycleVerb } from "./container-state";

export const VERB_ICON: Record<LifecycleVerb, LucideIcon> = {
  start: Play,
  stop: Square,
  restart: RotateCw,
  pause: Pause,
  unpause: Play,
  kill: Zap,
  remove: Trash2,
};
