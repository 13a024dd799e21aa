import { engineParamsSchema } from "@/lib/schemas";
import type { Runtime } from "@/server/runtime";
import { engineRoomFor } from "./scope-fanout";
import { withAck, type BerthServer, type BerthSocket } from "./with-ack";

/** `events:subscribe` joins the engine's room: `containers-changed` and `engine-status` pushes follow. */
export function registerEventsHandlers(_io: BerthServer, socket: BerthSocket, rt: Runtime): void {
  socket.on(
    "events:subscribe",
    withAck(rt, socket, "events:subscribe", engineParamsSchema, async ({ engine }, user) => {
      const e = rt.engines.get(engine);
      // Scoped sockets get their own room: containers-changed reaches them filtered (scope-fanout.ts).
      await socket.join(engineRoomFor(user, engine));
      return { engine: e.summary() };
    }),
  );
  socket.on(
    "events:unsubscribe",
    withAck(rt, socket, "events:subscribe", engineParamsSchema, async ({ engine }, user) => {
      await socket.leave(engineRoomFor(user, engine));
      return null;
    }),
  );
}
