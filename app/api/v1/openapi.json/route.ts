import { route } from "@/server/http/route";
import { openApiDocument } from "@/server/openapi";

export const GET = route({ public: true }, async () => openApiDocument());
