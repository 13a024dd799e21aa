import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ action: "session:read" }, async ({ user }) => user);
