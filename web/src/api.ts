// The API client: every call the shop makes goes through `api`, which adds the access token,
// refreshes it before it runs out (or once after a 401), and turns every refusal into a Problem:
// the API's problem+json as it is, API Gateway's own {"message"} answers and network failures in
// the same shape, so pages show each the same way.

import type { Profile, TokenPair } from './types';

/** Where the API is: the page's own origin unless the build named another (VITE_KIOSK_API). */
export const API_BASE = (import.meta.env.VITE_KIOSK_API ?? '').replace(/\/+$/, '');

export interface FieldError {
  /** A JSON Pointer into the request body (`/shippingAddress/city`), or a parameter's name. */
  pointer: string;
  detail: string;
}

/** An RFC 9457 problem: what the API said went wrong. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    readonly requestId?: string,
    readonly retryAfter?: number,
    readonly etag?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** The problem's short name: `urn:kiosk:problem:insufficient-stock` is `insufficient-stock`. */
  get kind(): string {
    return this.type.replace(/^urn:kiosk:problem:/, '');
  }
}

export interface Answer<T> {
  status: number;
  data: T;
  headers: Headers;
}

interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the access token (and sign in first if there is none). */
  auth?: boolean;
  signal?: AbortSignal;
}

// API Gateway answers some refusals itself, before any function, with {"message": "..."}.
const GATEWAY_TITLES: Record<number, string> = {
  401: 'Please sign in again',
  403: 'You are not allowed to do that',
  404: 'Not found',
  413: 'The request is too large',
  429: 'Too many requests: wait a moment and try again',
  500: 'Something went wrong on our side',
  503: 'The shop is busy: try again in a moment',
};

// ---------------------------------------------------------------------------- the session
// Tokens live in memory only (never localStorage): a reload signs the shopper out, and no
// script injected later can read a token that was never stored.

interface Tokens {
  access: string;
  refresh: string;
  /** When the access token runs out, in ms since the epoch. */
  expiresAt: number;
}

type Listener = () => void;

class Session {
  private tokens: Tokens | null = null;
  private refreshing: Promise<boolean> | null = null;
  private listeners: Listener[] = [];
  profile: Profile | null = null;

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  get isAdmin(): boolean {
    return this.profile?.roles.includes('admin') ?? false;
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    this.listeners.forEach((listener) => listener());
  }

  async signIn(email: string, password: string): Promise<void> {
    const answer = await call<TokenPair>('POST', '/auth/login', { body: { email, password } });
    this.keep(answer.data);
    this.profile = (await call<Profile>('GET', '/me', { auth: true })).data;
    this.changed();
  }

  async signOut(): Promise<void> {
    // The route needs a live access token beside the refresh token: refreshed first if it is about
    // to run out. The page is signed out at once; the API is told after, whatever it answers.
    const access = await this.accessToken().catch(() => null);
    const refresh = this.tokens?.refresh;
    this.forget();
    if (access && refresh) {
      // Revokes the sign-in (every refresh token of it); the access token runs out within 15 minutes.
      await call('POST', '/auth/logout', { headers: { authorization: `Bearer ${access}` }, body: { refreshToken: refresh } }).catch(() => undefined);
    }
  }

  /** Drops the tokens (a refresh refused, or a sign-out). */
  forget(): void {
    const was = this.tokens !== null;
    this.tokens = null;
    this.profile = null;
    if (was) {
      this.changed();
    }
  }

  private keep(pair: TokenPair): void {
    this.tokens = {
      access: pair.accessToken,
      refresh: pair.refreshToken,
      expiresAt: Date.now() + pair.expiresIn * 1000,
    };
  }

  /** The access token, refreshed first if it runs out within a minute; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.tokens && this.tokens.expiresAt - Date.now() < 60_000) {
      await this.refresh();
    }
    return this.tokens?.access ?? null;
  }

  /**
   * After a 401 for `refused` (the access token a call was sent with): whether there is now a
   * token to send again. Refreshes unless another call already did since that token was sent.
   */
  async refreshAfter(refused: string): Promise<boolean> {
    if (this.tokens && this.tokens.access !== refused) {
      return true;
    }
    return this.refresh();
  }

  /**
   * Trades the refresh token for a new pair. One at a time: a refresh token is single-use, and the
   * API treats a second use as theft and revokes the whole sign-in, so concurrent calls share one.
   */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      const token = this.tokens?.refresh;
      this.refreshing = (async () => {
        if (!token) {
          return false;
        }
        try {
          this.keep((await call<TokenPair>('POST', '/auth/refresh', { body: { refreshToken: token } })).data);
          return true;
        } catch {
          this.forget();
          return false;
        }
      })().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }
}

export const session = new Session();

// ---------------------------------------------------------------------------- calls

async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let sentWith = '';
  const send = async (): Promise<Response> => {
    if (options.auth) {
      const token = await session.accessToken();
      if (!token) {
        throw new Problem(401, 'urn:kiosk:problem:unauthorized', 'Please sign in first');
      }
      headers.authorization = `Bearer ${token}`;
      sentWith = token;
    }
    try {
      return await fetch(API_BASE + path, { method, headers, body, signal: options.signal, cache: 'no-cache' });
    } catch (error) {
      if (options.signal?.aborted) {
        throw error;
      }
      throw new Problem(0, 'urn:kiosk:problem:network', 'The shop cannot be reached', 'Check your connection and try again.');
    }
  };
  let response = await send();
  if (response.status === 401 && options.auth && (await session.refreshAfter(sentWith))) {
    response = await send();
  }
  const data = await read(response);
  if (!response.ok && response.status !== 304) {
    throw problemOf(response, data);
  }
  if (data !== undefined && typeof data !== 'object') {
    // Not the API's JSON (a page of the site, a proxy's answer): never taken for a body.
    throw new Problem(502, 'urn:kiosk:problem:unexpected-answer', 'The shop answered something unexpected', `${method} ${path} did not answer JSON.`);
  }
  return { status: response.status, data: data as T, headers: response.headers };
}

async function read(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (!text) {
    return undefined;
  }
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function problemOf(response: Response, data: unknown): Problem {
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  const etag = response.headers.get('etag') ?? undefined;
  const requestId = response.headers.get('apigw-requestid') ?? undefined;
  if (data && typeof data === 'object' && 'title' in data && 'type' in data) {
    const p = data as { type: string; title: string; detail?: string; errors?: FieldError[]; requestId?: string };
    return new Problem(response.status, p.type, p.title, p.detail, p.errors ?? [], p.requestId ?? requestId, retryAfter, etag);
  }
  const message = data && typeof data === 'object' && 'message' in data ? String((data as { message: unknown }).message) : undefined;
  const title = GATEWAY_TITLES[response.status] ?? `The shop answered ${response.status}`;
  return new Problem(response.status, `urn:kiosk:problem:http-${response.status}`, title, message, [], requestId, retryAfter, etag);
}

/**
 * An id as one segment of an API path. `.` and `..` are refused here: a browser resolves them as
 * dot segments however they are written (`%2e%2e` too), so `/orders/..` would fetch `/`.
 */
export function segment(id: string): string {
  if (/^(\.|%2e){1,2}$/i.test(id)) {
    throw new Problem(404, 'urn:kiosk:problem:not-found', 'Not found', `There is nothing called "${id}".`);
  }
  return encodeURIComponent(id);
}

/** A query string from the given values, leaving out empty ones. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: <T>(path: string, options?: CallOptions) => call<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: CallOptions) => call<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: CallOptions) => call<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: CallOptions) => call<T>('DELETE', path, options),
};
