// Acknowledge an alert incident. The handler lives at the older /api/v1/alerts/{id}/ack, which
// still answers (a deprecated alias, left out of the OpenAPI document: `{id}` there collides with
// /alerts/rules/{rule} and /alerts/silences/{id} for client generators).
export { POST } from "@/app/api/v1/alerts/[id]/ack/route";
