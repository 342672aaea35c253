// Type-checks code written against the TypeScript types generated from docs/openapi.yaml
// (scripts/clients.sh runs `tsc --noEmit --strict` on it). Fails when a field the SPA relies on
// becomes optional or changes type.
import type { components, paths } from "./schema";

type Enterprise = components["schemas"]["Enterprise"];
type EnterprisePage = paths["/api/v1/enterprises/"]["get"]["responses"][200]["content"]["application/json"];
type Me = components["schemas"]["User"];
type Problem = components["schemas"]["Problem"];
type EventDetail = components["schemas"]["EventDetail"];

// Always-present output fields are required: no `?` and no undefined.
export function organisationPath(e: Enterprise): string {
  const slug: string = e.slug;
  const name: string = e.name;
  return `/organisations/${slug}#${name}`;
}

export function firstSlugs(page: EnterprisePage): string[] {
  const total: number = page.count;
  return total > 0 ? page.results.map((e) => e.slug) : [];
}

export function myOwnedOrganisations(me: Me): string[] {
  return me.organisations.filter((o) => o.role === "owner").map((o) => o.slug);
}

// Problem codes are an enum: a switch over them is checked.
export function isRetryable(p: Problem): boolean {
  switch (p.code) {
    case "throttled":
    case "idempotency_key_in_use":
    case "service_unavailable":
      return true;
    default:
      return false;
  }
}

// A nullable nested object is `T | null`.
export function myStatus(e: EventDetail): string {
  return e.my_registration === null ? "none" : e.my_registration.status;
}
