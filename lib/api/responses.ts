// Transitional re-export for the two routes not yet moved: the JSON helpers live in
// lib/http/json-response.ts. Delete this file once nothing imports it.
export { errorJson } from '@/lib/http/json-response'
