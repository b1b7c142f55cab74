// What every page shares: money and dates as people read them, labelled form fields, and one way
// of showing a Problem (its title and detail in an alert, each field error beside its field).

import { Problem } from './api';
import { h, replace, uid, type Attrs, type Child } from './dom';
import type { Money, OrderStatus } from './types';

const digitsCache = new Map<string, number>();

/** The currency's minor-unit digits (EUR 2, JPY 0), as the browser's Intl knows them. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Minor units as money: 3450 EUR is €34.50. */
export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 10 ** minorDigits(currency));
}

export function price(value: Money): string {
  return money(value.amount, value.currency);
}

/** A decimal the user typed ("34.5") in minor units (3450), or NaN if it is not one. */
export function toMinor(text: string, currency: string): number {
  const digits = minorDigits(currency);
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(?:[.,]\\d{1,${digits}})?$`);
  const trimmed = text.trim();
  if (!pattern.test(trimmed)) {
    return Number.NaN;
  }
  return Math.round(Number(trimmed.replace(',', '.')) * 10 ** digits);
}

/** Minor units as the decimal an input shows: 3450 EUR is "34.50". */
export function fromMinor(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'Awaiting payment',
  PAID: 'Paid',
  FULFILLING: 'Being packed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  PAYMENT_FAILED: 'Payment failed',
  EXPIRED: 'Expired unpaid',
  CANCELLING: 'Cancelling',
  CANCELLED: 'Cancelled',
  RETURNED: 'Returned',
};

export function statusBadge(status: OrderStatus): HTMLElement {
  return h('span', { class: `badge status-${status.toLowerCase().replace('_', '-')}`, 'data-status': status }, STATUS_LABELS[status]);
}

/** A problem found before sending anything, shown like the API's own validation problems. */
export function invalid(pointer: string, detail: string): Problem {
  return new Problem(400, 'urn:kiosk:problem:validation', 'Please check the highlighted field', undefined, [{ pointer, detail }]);
}

export function heading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1 }, text);
}

// ---------------------------------------------------------------------------- forms

export interface Field {
  wrapper: HTMLElement;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
}

/**
 * A labelled field. `pointer` is the JSON Pointer of the request member it fills, so a
 * validation problem's field errors find their field.
 */
export function field(
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  pointer?: string,
  hint?: string,
): Field {
  input.id ||= uid('field');
  if (pointer) {
    input.dataset.pointer = pointer;
  }
  const hintId = hint ? `${input.id}-hint` : undefined;
  if (hintId) {
    input.setAttribute('aria-describedby', hintId);
  }
  const wrapper = h(
    'div',
    { class: 'field' },
    h('label', { for: input.id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    input,
    h('p', { class: 'field-error', id: `${input.id}-error`, hidden: true }),
  );
  return { wrapper, input };
}

export function input(attrs: Attrs): HTMLInputElement {
  return h('input', { type: 'text', ...attrs });
}

export function select(options: [string, string][], attrs: Attrs = {}): HTMLSelectElement {
  return h('select', attrs, ...options.map(([value, label]) => h('option', { value }, label)));
}

/** An alert region for a form's or a page's problems; empty and hidden until one is shown. */
export function alertBox(): HTMLElement {
  return h('div', { class: 'alert', role: 'alert', hidden: true });
}

/**
 * Shows a problem: its title and detail in the alert, and each field error at the field whose
 * pointer it names (marked invalid and described by it); field errors without a field on the form
 * are listed in the alert. Focus moves to the first invalid field, or to the alert.
 */
/** What a page tells of a problem beyond the API's words: a name for a pointer no field of the form has, and what to do next. */
export interface Explanation {
  label?: (pointer: string) => string | undefined;
  next?: (problem: Problem) => Child;
}

export function showProblem(alert: HTMLElement, error: unknown, form?: HTMLElement, explanation: Explanation = {}): void {
  const problem = error instanceof Problem ? error : new Problem(0, 'urn:kiosk:problem:client', 'Something went wrong', String(error));
  clearProblem(alert, form);
  const unplaced: Child[] = [];
  let firstInvalid: HTMLElement | null = null;
  for (const fieldError of problem.errors) {
    const target = form?.querySelector<HTMLElement>(`[data-pointer="${CSS.escape(fieldError.pointer)}"]`);
    const message = target ? document.getElementById(`${target.id}-error`) : null;
    if (target && message) {
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', [target.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
      message.textContent = fieldError.detail;
      message.hidden = false;
      firstInvalid ??= target;
    } else if (fieldError.detail !== problem.detail) {
      const label = fieldError.pointer ? (explanation.label?.(fieldError.pointer) ?? fieldError.pointer) : '';
      unplaced.push(h('li', null, label ? `${label}: ` : '', fieldError.detail));
    }
  }
  replace(
    alert,
    h('p', { class: 'alert-title' }, problem.title),
    problem.detail ? h('p', { class: 'alert-detail' }, problem.detail) : null,
    unplaced.length ? h('ul', null, unplaced) : null,
    explanation.next?.(problem) ?? null,
    problem.requestId ? h('p', { class: 'alert-ref' }, `Reference: ${problem.requestId}`) : null,
  );
  alert.dataset.problem = problem.kind;
  alert.hidden = false;
  if (firstInvalid) {
    firstInvalid.focus();
  } else {
    alert.setAttribute('tabindex', '-1');
    alert.focus();
  }
}

export function clearProblem(alert: HTMLElement, form?: HTMLElement): void {
  alert.hidden = true;
  alert.replaceChildren();
  delete alert.dataset.problem;
  form?.querySelectorAll<HTMLElement>('[aria-invalid]').forEach((element) => {
    element.removeAttribute('aria-invalid');
    const described = (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && id !== `${element.id}-error`)
      .join(' ');
    if (described) {
      element.setAttribute('aria-describedby', described);
    } else {
      element.removeAttribute('aria-describedby');
    }
  });
  form?.querySelectorAll<HTMLElement>('.field-error').forEach((message) => {
    message.hidden = true;
    message.textContent = '';
  });
}

/**
 * Runs a form's submission with its button disabled (no double submit), showing any problem;
 * answers whether it succeeded.
 */
export async function submitting(form: HTMLFormElement, alert: HTMLElement, work: () => Promise<void>, explanation?: Explanation): Promise<boolean> {
  const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[type=submit]')];
  buttons.forEach((button) => (button.disabled = true));
  form.setAttribute('aria-busy', 'true');
  clearProblem(alert, form);
  try {
    await work();
    return true;
  } catch (error) {
    showProblem(alert, error, form, explanation);
    return false;
  } finally {
    buttons.forEach((button) => (button.disabled = false));
    form.removeAttribute('aria-busy');
  }
}

// ---------------------------------------------------------------------------- messages

let toastTimer: number | undefined;

/** A short confirmation, read out by screen readers (the region is aria-live). */
export function toast(message: string): void {
  const region = document.getElementById('toast');
  if (!region) {
    return;
  }
  region.textContent = message;
  region.classList.add('shown');
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => region.classList.remove('shown'), 4000);
}

/** A page that could not be loaded: the problem, and a way on. */
export function failedPage(main: HTMLElement, title: string, error: unknown): void {
  const alert = alertBox();
  replace(main, heading(title), alert, h('p', null, h('a', { href: '#/' }, 'Back to the shop')));
  showProblem(alert, error);
}

/** A pager: previous and next links, each only when there is such a page. */
export function pager(previous: string | null, next: string | null): HTMLElement {
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    previous !== null ? h('a', { href: previous, rel: 'prev' }, '← Previous') : h('span'),
    next !== null ? h('a', { href: next, rel: 'next' }, 'Next →') : h('span'),
  );
}
