// Deprecated alias of POST /api/v1/alerts/incidents/{id}/ack, kept for scripts written against it and left out of
// the OpenAPI document: `{id}` here collides with /alerts/rules/{rule} and /alerts/silences/{id} for client generators.
export { POST } from "@/app/api/v1/alerts/incidents/[id]/ack/route";
