import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18n, { changeLanguage, storedLanguage } from './i18n';
import ko from '../locales/ko';
import en from '../locales/en';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

describe('i18n', () => {
  it('is Korean by default and switches to English, remembered', async () => {
    expect(i18n.language).toBe('ko');
    expect(i18n.t('nav.directory')).toBe('조직 찾기');
    await changeLanguage('en');
    expect(i18n.t('nav.directory')).toBe('Find organisations');
    expect(document.documentElement.lang).toBe('en');
    expect(storedLanguage()).toBe('en');
    await changeLanguage('ko');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('has the same keys in Korean and English', () => {
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });

  it('has every key the code uses, in both languages', () => {
    const all = new Set(keys(ko).map((k) => k.replace(/_(one|other)$/, '')));
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !all.has(k))).toEqual([]);
  });

  it('counts in both languages', async () => {
    expect(i18n.t('directory.count', { count: 155 })).toBe('155개 조직');
    await changeLanguage('en');
    expect(i18n.t('directory.count', { count: 1 })).toBe('1 organisation');
    expect(i18n.t('directory.count', { count: 2 })).toBe('2 organisations');
    await changeLanguage('ko');
  });
});
