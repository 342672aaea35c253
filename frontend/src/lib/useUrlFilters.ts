import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebounced } from './useDebounced';

/**
 * Filters of a list page kept in the URL (shareable, and the back button returns to them): a search
 * text debounced into `?q=`, other keys set with `set(key, value)` (empty removes it), and the page
 * number, which every change of filter resets.
 */
export function useUrlFilters(debounceMs = 200) {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), debounceMs);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  useEffect(() => {
    if ((params.get('q') ?? '') === q) return;
    const next = new URLSearchParams(params);
    if (q) next.set('q', q);
    else next.delete('q');
    next.delete('page');
    setParams(next, { replace: true });
  }, [q, params, setParams]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const get = (key: string) => params.get(key) ?? '';
  const setPage = (p: number) => set('page', p > 1 ? String(p) : '');

  return { text, setText, q, page, get, set, setPage };
}
