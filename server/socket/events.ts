import { engineParamsSchema } from "@/lib/schemas";
import type { Runtime } from "@/server/runtime";
import { engineRoom, withAck, type BerthServer, type BerthSocket } from "./with-ack";

/** `events:subscribe` joins the engine's room: `containers-changed` and `engine-status` pushes follow. */
export function registerEventsHandlers(_io: BerthServer, socket: BerthSocket, rt: Runtime): void {
  socket.on(
    "events:subscribe",
    withAck(rt, socket, "events:subscribe", engineParamsSchema, async ({ engine }) => {
      const e = rt.engines.get(engine);
      await socket.join(engineRoom(engine));
      return { engine: e.summary() };
    }),
  );
  socket.on(
    "events:unsubscribe",
    withAck(rt, socket, "events:subscribe", engineParamsSchema, async ({ engine }) => {
      await socket.leave(engineRoom(engine));
      return null;
    }),
  );
}
