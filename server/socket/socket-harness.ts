import http from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import type { BerthServer, BerthSocket } from "./with-ack";

/** A socket.io server on a random local port, and clients for it: for tests of the socket layer's plumbing. */
export async function socketHarness(onConnection: (socket: BerthSocket) => void) {
  const httpServer = http.createServer();
  const io: BerthServer = new Server(httpServer, { serveClient: false });
  io.on("connection", onConnection);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  const { port } = httpServer.address() as AddressInfo;
  const clients: ClientSocket[] = [];
  return {
    io,
    async client(): Promise<ClientSocket> {
      const c = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], forceNew: true });
      clients.push(c);
      await new Promise<void>((resolve, reject) => (c.once("connect", resolve), c.once("connect_error", reject)));
      return c;
    },
    async close() {
      for (const c of clients) c.close();
      await new Promise<void>((r) => io.close(() => r()));
    },
  };
}
