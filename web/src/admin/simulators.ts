// Admin, local runtime only: the simulated payment gateway's and shipping partner's switches
// (GET/PUT /_local/payment-simulator and /_local/shipping-simulator). A deployed API has no /_local/
// routes; the page then says so.

import { API_BASE, Problem, segment } from '../api';
import { h, replace } from '../dom';
import type { View } from '../router';
import type { PaymentSimulator, ShippingSimulator } from '../types';
import { alertBox, field, heading, input, showProblem, submitting, toast } from '../ui';
import { adminOnly } from './guard';

/** Calls one of the local runtime's own routes (same origin only: it refuses cross-site requests). */
async function local<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'PUT'): Promise<T> {
  const response = await fetch(`${API_BASE}/_local/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Problem(response.status, 'urn:kiosk:problem:local-runtime', 'The local runtime refused', String(data.message ?? response.status));
  }
  return data as T;
}

/** Fires one of the template's schedules now (POST /_local/schedules/{name}), with `input` as its event if given. */
export function runSchedule(name: string, input?: object): Promise<unknown> {
  return local(`schedules/${segment(name)}`, input, 'POST');
}

let isLocal: Promise<boolean> | null = null;

/** Whether the API is the local runtime (it has the simulators). */
export function localRuntime(): Promise<boolean> {
  isLocal ??= local('payment-simulator').then(
    () => true,
    () => false,
  );
  return isLocal;
}

export async function simulatorsPage(view: View): Promise<void> {
  if (!adminOnly(view)) {
    return;
  }
  let payment: PaymentSimulator;
  let shipping: ShippingSimulator;
  try {
    [payment, shipping] = await Promise.all([local<PaymentSimulator>('payment-simulator'), local<ShippingSimulator>('shipping-simulator')]);
  } catch (error) {
    if (view.signal.aborted) {
      return;
    }
    const alert = alertBox();
    replace(view.main, heading('Simulators'), h('p', null, 'The simulated payment gateway and shipping partner are switched here when the shop runs on the local runtime (local/run).'), alert);
    showProblem(alert, error);
    return;
  }
  if (view.signal.aborted) {
    return; // the admin moved on while the simulators answered: the page on screen is another's
  }

  const paymentAlert = alertBox();
  const outage = h('input', { type: 'checkbox', id: 'payment-outage', checked: payment.outage });
  const latency = input({ type: 'number', min: 0, max: 60000, step: 50, value: payment.latencyMillis, inputmode: 'numeric' });
  const ledger = h('p', { class: 'muted', 'data-testid': 'payment-ledger' });
  const showLedger = (state: PaymentSimulator) =>
    replace(ledger, `Charges ${state.ledger.charges} · declines ${state.ledger.declines} · refunds ${state.ledger.refunds} · double charges ${state.ledger.doubleCharges}`);
  showLedger(payment);
  const paymentForm = h(
    'form',
    { class: 'simulator', novalidate: true },
    h('div', { class: 'switch' }, outage, h('label', { for: 'payment-outage' }, 'Payment gateway outage (every charge and refund fails until switched off)')),
    field('Latency added to every call (ms; 5000 or more times out)', latency, '/latencyMillis').wrapper,
    h('button', { type: 'submit' }, 'Apply'),
    paymentAlert,
  );
  const applyPayment = async () => {
    await submitting(paymentForm, paymentAlert, async () => {
      const state = await local<PaymentSimulator>('payment-simulator', { outage: outage.checked, latencyMillis: Number(latency.value) });
      outage.checked = state.outage;
      showLedger(state);
      toast(state.outage ? 'Payment gateway: down' : 'Payment gateway: up');
    });
  };
  // The switch takes effect as it is flipped, like a switch; the latency with Apply.
  outage.addEventListener('change', () => void applyPayment());
  paymentForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void applyPayment();
  });

  const shippingAlert = alertBox();
  const shipOutage = h('input', { type: 'checkbox', id: 'shipping-outage', checked: shipping.outage });
  const shipAfter = input({ type: 'number', min: 0, value: shipping.shipAfterSeconds, inputmode: 'numeric' });
  const deliverAfter = input({ type: 'number', min: 0, value: shipping.deliverAfterSeconds, inputmode: 'numeric' });
  const shippingForm = h(
    'form',
    { class: 'simulator', novalidate: true },
    h('div', { class: 'switch' }, shipOutage, h('label', { for: 'shipping-outage' }, 'Shipping partner outage (bookings fail and are retried)')),
    h('div', { class: 'row' }, field('Ships after (s)', shipAfter, '/shipAfterSeconds').wrapper, field('Delivered after (s)', deliverAfter, '/deliverAfterSeconds').wrapper),
    h('button', { type: 'submit' }, 'Apply'),
    shippingAlert,
  );
  shippingForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    await submitting(shippingForm, shippingAlert, async () => {
      await local('shipping-simulator', { outage: shipOutage.checked, shipAfterSeconds: Number(shipAfter.value), deliverAfterSeconds: Number(deliverAfter.value) });
      toast('Shipping partner updated');
    });
  });

  replace(
    view.main,
    heading('Simulators'),
    h('p', null, 'The local runtime stands in for the payment gateway and the shipping partner. Switch them here to see how the shop copes.'),
    h('h2', null, 'Payment gateway'),
    paymentForm,
    h('h2', null, 'Shipping partner'),
    shippingForm,
  );
}
