// The cart (quantities, a promotion code) and checkout (address, a payment method, one order).

import { api, Problem, query, segment } from '../api';
import { h, replace, type Child } from '../dom';
import { navigate, type View } from '../router';
import type { Cart, CartLine, Order } from '../types';
import { alertBox, type Explanation, failedPage, field, heading, input, money, price, select, showProblem, submitting, toast } from '../ui';

/** The code the shopper applied, previewed on the cart and sent with the checkout. */
let promoCode = '';

/** Keeps the header's cart count in step with the last cart the API answered. */
export function cartChanged(cart: Cart | null): void {
  document.dispatchEvent(new CustomEvent('kiosk:cart', { detail: cart?.itemCount ?? 0 }));
}

/** The cart, with the applied code previewed; a code that no longer applies is dropped, saying why. */
async function loadCart(signal?: AbortSignal): Promise<{ cart: Cart; promoProblem?: Problem }> {
  if (promoCode) {
    try {
      return { cart: (await api.get<Cart>(`/cart${query({ promoCode })}`, { auth: true, signal })).data };
    } catch (error) {
      if (!(error instanceof Problem) || error.status !== 422) {
        throw error;
      }
      promoCode = '';
      return { cart: (await api.get<Cart>('/cart', { auth: true, signal })).data, promoProblem: error };
    }
  }
  return { cart: (await api.get<Cart>('/cart', { auth: true, signal })).data };
}

function availabilityNote(line: CartLine): Child {
  switch (line.availability) {
    case 'NOT_ENOUGH_STOCK':
      return h('p', { class: 'stock low' }, line.inStock === 0 ? 'Sold out for now' : `Only ${line.inStock} in stock`);
    case 'UNAVAILABLE':
      return h('p', { class: 'stock out' }, 'No longer sold');
    default:
      return null;
  }
}

function summary(cart: Cart): HTMLElement {
  const currency = cart.currency ?? 'EUR';
  const discount = cart.discount?.amount ?? 0;
  return h(
    'dl',
    { class: 'summary' },
    h('dt', null, 'Subtotal'),
    h('dd', { 'data-testid': 'subtotal' }, cart.subtotal ? price(cart.subtotal) : money(0, currency)),
    cart.promoCode ? [h('dt', null, `Code ${cart.promoCode}`), h('dd', { 'data-testid': 'discount' }, `−${money(discount, currency)}`)] : null,
    h('dt', null, 'Shipping'),
    h('dd', null, 'Calculated at checkout'),
  );
}

export async function cartPage(view: View): Promise<void> {
  let loaded: { cart: Cart; promoProblem?: Problem };
  try {
    loaded = await loadCart(view.signal);
  } catch (error) {
    failedPage(view.main, 'Your cart', error);
    return;
  }
  const { cart } = loaded;
  cartChanged(cart);
  const alert = alertBox();
  const rerender = () => cartPage(view);

  const lines = cart.lines.map((line) => {
    const quantity = input({ type: 'number', min: 0, max: 99, value: line.quantity, inputmode: 'numeric', 'aria-label': `Quantity of ${line.name ?? line.productId}` });
    quantity.addEventListener('change', async () => {
      const wanted = Number(quantity.value);
      try {
        if (!Number.isInteger(wanted) || wanted < 0 || wanted > 99) {
          throw new Problem(400, 'urn:kiosk:problem:validation', 'Choose a quantity from 0 to 99', '0 removes the line.');
        }
        await api.put(`/cart/lines/${segment(line.productId)}`, { quantity: wanted }, { auth: true });
        await rerender();
      } catch (error) {
        showProblem(alert, error);
      }
    });
    const remove = h('button', { type: 'button', class: 'link' }, 'Remove');
    remove.addEventListener('click', async () => {
      try {
        await api.delete(`/cart/lines/${segment(line.productId)}`, { auth: true });
        toast(`Removed ${line.name ?? 'the line'} from your cart`);
        await rerender();
      } catch (error) {
        showProblem(alert, error);
      }
    });
    return h(
      'li',
      { class: 'cart-line', 'data-product': line.productId },
      h('div', { class: 'cart-line-name' }, h('a', { href: `#/products/${encodeURIComponent(line.productId)}` }, line.name ?? 'A product no longer sold'), availabilityNote(line)),
      h('div', { class: 'cart-line-price' }, line.unitPrice ? `${price(line.unitPrice)} each` : ''),
      h('div', { class: 'cart-line-quantity' }, quantity),
      h('div', { class: 'cart-line-total' }, line.lineTotal ? h('strong', null, price(line.lineTotal)) : '—'),
      h('div', null, remove),
    );
  });

  const promoAlert = alertBox();
  const code = input({ name: 'promoCode', value: cart.promoCode ?? '', autocomplete: 'off', autocapitalize: 'characters', maxlength: 32 });
  const promoForm = h(
    'form',
    { class: 'inline-form', novalidate: true },
    field('Promotion code', code, 'promoCode').wrapper,
    h('button', { type: 'submit' }, 'Apply'),
    cart.promoCode ? h('button', { type: 'button', class: 'link', onclick: () => { promoCode = ''; void rerender(); } }, 'Remove code') : null,
    promoAlert,
  );
  promoForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const wanted = code.value.trim().toUpperCase();
    const ok = await submitting(promoForm, promoAlert, async () => {
      if (!wanted) {
        throw new Problem(400, 'urn:kiosk:problem:validation', 'Enter a code', undefined, [{ pointer: 'promoCode', detail: 'Type the code you were given.' }]);
      }
      await api.get<Cart>(`/cart${query({ promoCode: wanted })}`, { auth: true });
    });
    if (ok) {
      promoCode = wanted;
      toast(`Code ${wanted} applied`);
      await rerender();
    }
  });

  const empty = cart.lines.length === 0;
  replace(
    view.main,
    heading('Your cart'),
    alert,
    empty
      ? h('p', null, 'Your cart is empty. ', h('a', { href: '#/' }, 'Browse the shop'))
      : [
          h(
            'div',
            { class: 'cart-head', 'aria-hidden': 'true' },
            h('span', null, 'Product'),
            h('span', null, 'Price'),
            h('span', null, 'Quantity'),
            h('span', null, 'Total'),
            h('span'),
          ),
          h('ul', { class: 'cart-lines' }, lines),
          promoForm,
          summary(cart),
          h('p', null, h('a', { class: 'button primary', href: '#/checkout' }, 'Check out')),
        ],
  );
  if (loaded.promoProblem) {
    showProblem(promoAlert, loaded.promoProblem);
  }
}

// ---------------------------------------------------------------------------- checkout

/** The payment simulator's test tokens, as Stripe's test cards answer (README, "Payments"). */
export const PAYMENT_METHODS: [string, string][] = [
  ['pm_card_visa', 'Visa ending 4242 (pays)'],
  ['pm_card_mastercard', 'Mastercard ending 4444 (pays)'],
  ['pm_card_retry', 'Card the gateway stumbles on once (pays on retry)'],
  ['pm_card_chargeDeclined', 'Card that is declined'],
  ['pm_card_chargeDeclinedInsufficientFunds', 'Card without funds (declined)'],
  ['pm_card_chargeDeclinedExpiredCard', 'Expired card (declined)'],
];

const COUNTRIES: [string, string][] = [
  ['DE', 'Germany'],
  ['AT', 'Austria'],
  ['BE', 'Belgium'],
  ['DK', 'Denmark'],
  ['ES', 'Spain'],
  ['FI', 'Finland'],
  ['FR', 'France'],
  ['IE', 'Ireland'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['PL', 'Poland'],
  ['PT', 'Portugal'],
  ['SE', 'Sweden'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
];

/** One key per distinct order attempt: a resend of the same body (a lost answer) replays, never orders twice. */
let attempt: { body: string; key: string } | null = null;

function idempotencyKey(body: string): string {
  if (attempt?.body !== body) {
    attempt = { body, key: crypto.randomUUID() };
  }
  return attempt.key;
}

export async function checkoutPage(view: View): Promise<void> {
  let cart: Cart;
  try {
    cart = (await loadCart(view.signal)).cart;
  } catch (error) {
    failedPage(view.main, 'Checkout', error);
    return;
  }
  if (cart.lines.length === 0) {
    replace(view.main, heading('Checkout'), h('p', null, 'Your cart is empty. ', h('a', { href: '#/' }, 'Browse the shop')));
    return;
  }
  const alert = alertBox();
  const name = input({ name: 'name', autocomplete: 'shipping name', required: true, maxlength: 120 });
  const line1 = input({ name: 'line1', autocomplete: 'shipping address-line1', required: true, maxlength: 120 });
  const line2 = input({ name: 'line2', autocomplete: 'shipping address-line2', maxlength: 120 });
  const city = input({ name: 'city', autocomplete: 'shipping address-level2', required: true, maxlength: 80 });
  const postalCode = input({ name: 'postalCode', autocomplete: 'shipping postal-code', required: true, maxlength: 16 });
  const country = select(COUNTRIES, { name: 'country', autocomplete: 'shipping country' });
  const methods = h(
    'fieldset',
    { class: 'payment-methods', 'data-pointer': '/paymentMethod', id: 'payment-method' },
    h('legend', null, 'Payment (simulated: choose how the test card behaves)'),
    PAYMENT_METHODS.map(([value, label], index) =>
      h('label', { class: 'radio' }, h('input', { type: 'radio', name: 'paymentMethod', value, checked: index === 0 }), label),
    ),
    h('p', { class: 'field-error', id: 'payment-method-error', hidden: true }),
  );
  const form = h(
    'form',
    { class: 'checkout', novalidate: true },
    h(
      'fieldset',
      null,
      h('legend', null, 'Shipping address'),
      field('Full name', name, '/shippingAddress/name').wrapper,
      field('Address', line1, '/shippingAddress/lines/0').wrapper,
      field('Address line 2 (optional)', line2, '/shippingAddress/lines/1').wrapper,
      h('div', { class: 'row' }, field('Postal code', postalCode, '/shippingAddress/postalCode').wrapper, field('City', city, '/shippingAddress/city').wrapper),
      field('Country', country, '/shippingAddress/country').wrapper,
    ),
    methods,
    alert,
    h('button', { type: 'submit', class: 'primary' }, 'Place order'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const paymentMethod = form.querySelector<HTMLInputElement>('input[name=paymentMethod]:checked')?.value ?? '';
    const body = {
      shippingAddress: {
        name: name.value,
        lines: [line1.value, line2.value].filter((text) => text.trim() !== ''),
        city: city.value,
        postalCode: postalCode.value,
        country: country.value,
      },
      promoCode: promoCode || null,
      paymentMethod,
    };
    if (body.shippingAddress.lines.length === 0) {
      body.shippingAddress.lines = [line1.value];
    }
    let order: Order | null = null;
    const ok = await submitting(
      form,
      alert,
      async () => {
        const text = JSON.stringify(body);
        order = (await api.post<Order>('/checkout', body, { auth: true, headers: { 'idempotency-key': idempotencyKey(text) } })).data;
      },
      cartExplanation(cart),
    );
    if (ok && order) {
      attempt = null;
      promoCode = '';
      cartChanged(null);
      navigate(`#/orders/${encodeURIComponent((order as Order).id)}`);
    }
  });
  replace(
    view.main,
    heading('Checkout'),
    h(
      'div',
      { class: 'checkout-layout' },
      form,
      h(
        'aside',
        { class: 'order-summary', 'aria-label': 'Order summary' },
        h('h2', null, 'Your order'),
        h('ul', null, cart.lines.map((line) => h('li', null, `${line.quantity} × ${line.name ?? line.productId}`, line.lineTotal ? h('span', null, price(line.lineTotal)) : null))),
        summary(cart),
        h('p', null, h('a', { href: '#/cart' }, 'Change the cart')),
      ),
    ),
  );
}

/**
 * Stock problems name cart lines by index (`/lines/2`): say which product each one is, and offer
 * the way back to the cart to fix it.
 */
function cartExplanation(cart: Cart): Explanation {
  return {
    label: (pointer) => {
      const line = /^\/lines\/(\d+)$/.exec(pointer);
      const named = line ? cart.lines[Number(line[1])] : undefined;
      return named ? (named.name ?? named.productId) : undefined;
    },
    next: (problem) =>
      ['insufficient-stock', 'cart-empty', 'price-changed'].includes(problem.kind) ? h('p', null, h('a', { href: '#/cart' }, 'Back to your cart to change it')) : null,
  };
}
