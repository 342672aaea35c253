/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ko from './src/locales/ko';

/** Writes .gz and .br next to each built text asset: WhiteNoise serves them to browsers that accept them. */
function precompress(): Plugin {
  return {
    name: 'sehub-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
          d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
        );
      for (const file of walk('dist')) {
        if (!/\.(js|css|svg|json|txt)$/.test(file)) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data));
      }
    },
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The first screen in the built index.html, painted before any JavaScript runs: the styles inline
 * (no render-blocking request) and, in <main>, the home page's hero exactly as HomePage renders it
 * first, with its Korean strings from locales/ko.ts. The server keeps it for the home, puts an
 * organisation's or event's heading there for their pages and empties it elsewhere (api/web);
 * React's first render replaces it.
 */
function firstScreen(): Plugin {
  return {
    name: 'sehub-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        for (const asset of Object.values(ctx.bundle ?? {})) {
          if (asset.type !== 'asset' || !asset.fileName.endsWith('.css')) continue;
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${asset.fileName}"[^>]*>`);
          const css = String(asset.source).replace(/<\/style/gi, '<\\/style');
          html = html.replace(link, () => `<style>${css}</style>`);
        }
        const hero =
          '<div class="page home"><section class="hero">' +
          `<h1>${escapeHtml(ko.home.title)}</h1><p class="lead">${escapeHtml(ko.home.lead)}</p>` +
          '</section></div>';
        // The shell paints without the scripts: they must not compete with what the first paint
        // needs (in Chrome, module scripts are fetched at high priority, like blocking ones).
        html = html
          .replace(/<script type="module" /g, '<script type="module" fetchpriority="low" ')
          .replace(/<link rel="modulepreload" /g, '<link rel="modulepreload" fetchpriority="low" ');
        return html.replace(
          '<main id="main"></main>',
          `<main id="main"><!--first-screen-->${hero}<!--/first-screen--></main>`,
        );
      },
    },
  };
}

// The built app (dist/) is served by Django on the API's origin: WhiteNoise serves dist/assets/*
// (hashed names, cached for good) and api/web serves index.html for every client-side route.
// `npm run dev` proxies the API and media to the backend on 127.0.0.1:8000.
export default defineConfig({
  base: '/',
  plugins: [react(), firstScreen(), precompress()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    manifest: false,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8000',
      '/media': 'http://127.0.0.1:8000',
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
