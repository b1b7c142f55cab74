// Admin: promotion codes, a new one, and deactivating one.

import { api, query, segment } from '../api';
import { h, replace } from '../dom';
import { cursorPager, type View } from '../router';
import type { Page, Promotion } from '../types';
import { alertBox, dateTime, failedPage, field, heading, input, invalid, money, price, select, showProblem, submitting, toast, toMinor } from '../ui';
import { adminOnly } from './guard';

function describe(promotion: Promotion): string {
  const off = promotion.kind === 'PERCENT' ? `${promotion.percentOff}% off` : `${promotion.amountOff ? price(promotion.amountOff) : ''} off`;
  return promotion.minSubtotal ? `${off} from ${price(promotion.minSubtotal)}` : off;
}

/** A datetime-local value (the admin's local time) as an ISO instant. */
function instant(value: string, pointer: string): string {
  const date = new Date(value);
  if (!value || Number.isNaN(date.getTime())) {
    throw invalid(pointer, 'Choose a date and time.');
  }
  return date.toISOString();
}

function localValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export async function promotionsPage(view: View): Promise<void> {
  if (!adminOnly(view)) {
    return;
  }
  const cursor = view.query.get('cursor');
  let page: Page<Promotion>;
  try {
    page = (await api.get<Page<Promotion>>(`/admin/promotions${query({ limit: 20, cursor })}`, { auth: true, signal: view.signal })).data;
  } catch (error) {
    failedPage(view.main, 'Promotions', error);
    return;
  }
  const alert = alertBox();
  const rows = page.items.map((promotion) =>
    h(
      'tr',
      { 'data-code': promotion.code },
      h('td', null, h('code', null, promotion.code)),
      h('td', null, describe(promotion)),
      h('td', null, `${dateTime(promotion.validFrom)} – ${dateTime(promotion.validUntil)}`),
      h('td', { class: 'number' }, `${promotion.redemptions} / ${promotion.maxRedemptions}`),
      h('td', null, promotion.active ? 'Active' : 'Inactive'),
      h(
        'td',
        null,
        promotion.active
          ? h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: async () => {
                  try {
                    await api.post(`/admin/promotions/${segment(promotion.code)}/deactivate`, undefined, { auth: true });
                    toast(`${promotion.code} deactivated`);
                    await promotionsPage(view);
                  } catch (error) {
                    showProblem(alert, error);
                  }
                },
              },
              `Deactivate ${promotion.code}`,
            )
          : null,
      ),
    ),
  );
  replace(
    view.main,
    heading('Promotions'),
    alert,
    page.items.length
      ? h(
          'table',
          { class: 'promotions' },
          h('thead', null, h('tr', null, ...['Code', 'Discount', 'Valid', 'Redeemed', 'State', ''].map((name) => h('th', { scope: 'col' }, name)))),
          h('tbody', null, rows),
        )
      : h('p', null, 'No promotion codes yet.'),
    cursorPager('#/admin/promotions', cursor, page.nextCursor),
    h('h2', null, 'New code'),
    promotionForm(() => promotionsPage(view)),
  );
}

function promotionForm(created: () => void): HTMLFormElement {
  const alert = alertBox();
  const code = input({ name: 'code', required: true, maxlength: 32, autocapitalize: 'characters' });
  const kind = select([['PERCENT', 'Percent off'], ['FIXED', 'Amount off']], { name: 'kind' });
  const percent = input({ type: 'number', name: 'percentOff', min: 1, max: 100, value: 10, inputmode: 'numeric' });
  const amount = input({ name: 'amountOff', inputmode: 'decimal' });
  const currency = select([['EUR', 'EUR'], ['USD', 'USD'], ['GBP', 'GBP']], { name: 'currency' });
  const minimum = input({ name: 'minSubtotal', inputmode: 'decimal' });
  const now = new Date();
  const from = input({ type: 'datetime-local', name: 'validFrom', value: localValue(now), required: true });
  const until = input({ type: 'datetime-local', name: 'validUntil', value: localValue(new Date(now.getTime() + 30 * 86400000)), required: true });
  const max = input({ type: 'number', name: 'maxRedemptions', min: 1, value: 1000, inputmode: 'numeric', required: true });
  const perCustomer = input({ type: 'number', name: 'perCustomerLimit', min: 1, max: 1000, value: 1, inputmode: 'numeric' });
  const percentField = field('Percent off', percent, '/percentOff').wrapper;
  const amountField = field('Amount off', amount, '/amountOff/amount').wrapper;
  const toggle = () => {
    percentField.hidden = kind.value !== 'PERCENT';
    amountField.hidden = kind.value !== 'FIXED';
  };
  kind.addEventListener('change', toggle);
  toggle();
  const form = h(
    'form',
    { class: 'promotion-form', novalidate: true },
    alert,
    field('Code', code, '/code', '2 to 32 of A-Z, 0-9 and -, such as SPRING-15.').wrapper,
    h('div', { class: 'row' }, field('Kind', kind, '/kind').wrapper, percentField, amountField, field('Currency', currency, '/amountOff/currency').wrapper),
    field('Minimum subtotal (optional)', minimum, '/minSubtotal/amount').wrapper,
    h('div', { class: 'row' }, field('Valid from', from, '/validFrom').wrapper, field('Valid until', until, '/validUntil').wrapper),
    h('div', { class: 'row' }, field('Redemptions in all', max, '/maxRedemptions').wrapper, field('Per shopper', perCustomer, '/perCustomerLimit').wrapper),
    h('button', { type: 'submit', class: 'primary' }, 'Create code'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ok = await submitting(form, alert, async () => {
      const fixed = kind.value === 'FIXED';
      const amountOff = fixed ? toMinor(amount.value, currency.value) : NaN;
      if (fixed && (Number.isNaN(amountOff) || amountOff < 1)) {
        throw invalid('/amountOff/amount', `Enter an amount such as ${money(500, currency.value)}.`);
      }
      const minSubtotal = minimum.value.trim() ? toMinor(minimum.value, currency.value) : null;
      if (minSubtotal !== null && Number.isNaN(minSubtotal)) {
        throw invalid('/minSubtotal/amount', 'Enter an amount, or leave it empty.');
      }
      await api.post(
        '/admin/promotions',
        {
          code: code.value.trim().toUpperCase(),
          kind: kind.value,
          percentOff: fixed ? null : Number(percent.value),
          amountOff: fixed ? { amount: amountOff, currency: currency.value } : null,
          minSubtotal: minSubtotal === null ? null : { amount: minSubtotal, currency: currency.value },
          validFrom: instant(from.value, '/validFrom'),
          validUntil: instant(until.value, '/validUntil'),
          maxRedemptions: Number(max.value),
          perCustomerLimit: perCustomer.value ? Number(perCustomer.value) : null,
        },
        { auth: true },
      );
    });
    if (ok) {
      toast(`Code ${code.value.trim().toUpperCase()} created`);
      created();
    }
  });
  return form;
}
