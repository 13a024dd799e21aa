// Prints the OpenAPI document (what /api/v1/openapi.json serves) as JSON, for scripts/openapi-lint.sh.
import { openApiDocument } from "../server/openapi";

process.stdout.write(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
