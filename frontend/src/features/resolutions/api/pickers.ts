/**
 * What the resolution forms' pickers search: the public list endpoints of the things a decision is
 * owned by, taken at or carried out by (organisations, events, budget items, posts, collaborations)
 * and earlier resolutions. Read through the API only: this feature imports no other feature.
 */
import type { PickerOption, PickerSearch } from '../../../components/ui/Picker';
import { api, unwrap, type Schemas } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';

const SIZE = 10;

/** `search` only when something was typed (the empty text lists the first few). */
const term = (text: string) => (text ? { search: text } : {});

type Named = { name: string; name_en?: string | null };
const nameIn = (lang: string, o: Named) => (lang === 'en' && o.name_en ? o.name_en : o.name);

export function organisationOption(lang: string, o: Schemas['OrganisationSummary']): PickerOption {
  return { id: o.id, label: nameIn(lang, o), handle: o.slug };
}

export function organisationSearch(lang: string): PickerSearch {
  return async (text, signal) => {
    const page = unwrap(
      await api.GET('/api/v1/enterprises/', {
        params: { query: { ...term(text), page_size: SIZE } },
        signal,
      }),
    );
    return page.results.map((e) => ({
      id: e.id,
      label: nameIn(lang, e),
      detail: [e.kind_label, e.district_label].filter(Boolean).join(' · '),
      handle: e.slug,
    }));
  };
}

/**
 * The responsible person: the user filling the form (a coordinator) or a member of one of the owner
 * organisations (their member lists are shown to coordinators, who keep the resolutions), by name.
 * Each owner's list is read once per picker (the form makes a new one when the owners change) and
 * then filtered here as the user types; a read that was cancelled is not kept.
 */
export function personSearch(owners: PickerOption[], me?: PickerOption): PickerSearch {
  const lists = new Map<string, PickerOption[]>();
  const membersOf = async (owner: PickerOption, signal: AbortSignal | undefined) => {
    const slug = owner.handle!;
    const known = lists.get(slug);
    if (known) return known;
    const members = unwrap(
      await api.GET('/api/v1/enterprises/{slug}/members/', { params: { path: { slug } }, signal }),
    );
    const options = members.map((m) => ({
      id: m.user_id,
      label: m.display_name || m.email,
      detail: owner.label,
    }));
    lists.set(slug, options);
    return options;
  };
  return async (text, signal) => {
    const found = await Promise.all(owners.filter((o) => o.handle).map((o) => membersOf(o, signal)));
    const needle = text.trim().toLowerCase();
    const seen = new Set<number>();
    return [...(me ? [me] : []), ...found.flat()]
      .filter((p) => !needle || `${p.label} ${p.detail}`.toLowerCase().includes(needle))
      .filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)))
      .slice(0, SIZE);
  };
}

export function eventSearch(lang: string): PickerSearch {
  return async (text, signal) => {
    const page = unwrap(
      await api.GET('/api/v1/events/', { params: { query: { ...term(text), page_size: SIZE } }, signal }),
    );
    return page.results.map((e) => ({
      id: e.id,
      label: e.title,
      detail: `${formatDate(e.starts_at, lang)} · ${e.kind_label}`,
    }));
  };
}

function budgetItemSearch(lang: string): PickerSearch {
  void lang;
  return async (text, signal) => {
    const page = unwrap(
      await api.GET('/api/v1/budget-items/', {
        params: { query: { ...term(text), page_size: SIZE } },
        signal,
      }),
    );
    return page.results.map((b) => ({
      id: b.id,
      label: b.title,
      detail: `${b.fiscal_year} · ${b.category_label}`,
    }));
  };
}

function postSearch(lang: string): PickerSearch {
  return async (text, signal) => {
    const page = unwrap(
      await api.GET('/api/v1/posts/', { params: { query: { ...term(text), page_size: SIZE } }, signal }),
    );
    return page.results.map((p) => ({
      id: p.id,
      label: p.title,
      detail: `${p.kind_label} · ${formatDate(p.created_at, lang)}`,
    }));
  };
}

/** Collaborations by title or a partner organisation's name (the server's search), newest first. */
export function collaborationSearch(lang: string): PickerSearch {
  return async (text, signal) => {
    const page = unwrap(
      await api.GET('/api/v1/collaborations/', {
        params: { query: { ...term(text), page_size: SIZE } },
        signal,
      }),
    );
    return page.results.map((c) => ({
      id: c.id,
      label: c.title,
      detail: [c.partners.map((p) => nameIn(lang, p)).join(', '), formatDate(c.matched_at, lang)]
        .filter(Boolean)
        .join(' · '),
    }));
  };
}

/** The search of each registered link kind the app knows; another kind falls back to typing its id. */
export function linkTargetSearch(kind: string, lang: string): PickerSearch | null {
  switch (kind) {
    case 'event':
      return eventSearch(lang);
    case 'budget_item':
      return budgetItemSearch(lang);
    case 'post':
      return postSearch(lang);
    case 'collaboration':
      return collaborationSearch(lang);
    default:
      return null;
  }
}

/** Earlier resolutions (to carry over from, or to sit under), newest first. */
export function resolutionSearch(lang: string, except?: number): PickerSearch {
  return async (text, signal) => {
    const page = unwrap(
      await api.GET('/api/v1/resolutions/', {
        params: { query: { ...term(text), page_size: SIZE, ordering: '-created_at' } },
        signal,
      }),
    );
    return page.results
      .filter((r) => r.id !== except)
      .map((r) => ({
        id: r.id,
        label: r.title,
        detail: `${r.meeting.title} · ${formatDate(r.meeting.held_at, lang)}`,
      }));
  };
}
