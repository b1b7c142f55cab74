// Hash routes (#/products/…): the page's own path stays `/`, so the shop never shadows an API path
// on the origin it shares with the API, and any static host can serve it with no rewrite rules.

import { failedPage, pager } from './ui';

export interface View {
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Aborted when the user leaves the page: stops its polling and its pending calls. */
  signal: AbortSignal;
}

export type Page = (view: View) => Promise<void> | void;

interface Route {
  pattern: RegExp;
  names: string[];
  page: Page;
  title: string;
}

const routes: Route[] = [];
let current: AbortController | null = null;
/** The page the browser loaded keeps the browser's own focus (the document's start, the skip link next). */
let loaded = false;

/** `path` like `/products/:id`; `title` names the page for the document title. */
export function route(path: string, title: string, page: Page): void {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  routes.push({ pattern, names, page, title });
}

export function navigate(hash: string): void {
  if (location.hash === hash) {
    void render();
  } else {
    location.hash = hash;
  }
}

/** The current location as a hash, for "come back here after signing in". */
export function here(): string {
  return location.hash || '#/';
}

export async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const [path, search] = (location.hash.replace(/^#/, '') || '/').split('?', 2);
  const main = document.getElementById('main') as HTMLElement;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) {
      continue;
    }
    const params: Record<string, string> = {};
    try {
      candidate.names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1])));
    } catch {
      candidate.names.forEach((name, index) => (params[name] = match[index + 1]));
    }
    document.title = `${candidate.title} · Kiosk`;
    main.setAttribute('aria-busy', 'true');
    try {
      await candidate.page({ main, params, query: new URLSearchParams(search ?? ''), signal: controller.signal });
    } catch (error) {
      // A page that fails says so in place of itself, never leaving the last page on screen.
      if (current === controller) {
        failedPage(main, candidate.title, error);
      }
    } finally {
      if (current === controller) {
        main.removeAttribute('aria-busy');
        // After a move within the shop, focus goes to the new page's heading, so screen readers hear it.
        if (loaded) {
          main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
          window.scrollTo(0, 0);
        }
        loaded = true;
      }
    }
    document.dispatchEvent(new CustomEvent('kiosk:navigated', { detail: path }));
    return;
  }
  main.replaceChildren();
  location.hash = '#/';
}

// ---------------------------------------------------------------------------- cursor paging
// The API pages with opaque cursors and no "previous": each page remembers which cursor led to it.

const previousOf = new Map<string, string>();

/** A pager for a listing at `base` (a hash with its other query values) on the page `cursor` opened. */
export function cursorPager(base: string, cursor: string | null, nextCursor: string | undefined): HTMLElement {
  const link = (c: string) => {
    const separator = base.includes('?') ? '&' : '?';
    return c ? `${base}${separator}cursor=${encodeURIComponent(c)}` : base;
  };
  if (nextCursor) {
    previousOf.set(nextCursor, cursor ?? '');
  }
  const previous = cursor ? link(previousOf.get(cursor) ?? '') : null;
  return pager(previous, nextCursor ? link(nextCursor) : null);
}
