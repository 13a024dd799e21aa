/**
 * Calls `fn` once the browser has painted the next frame; returns a cancel function. A
 * requestAnimationFrame callback runs before that frame's style, layout and paint, and a message
 * posted from it is handled after them, so the time up to `fn` includes all of the frame's work
 * (plus at most one wait for the display's next refresh).
 */
export function afterNextPaint(fn: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) fn();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}
