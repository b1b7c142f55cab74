// Admin: orders by status, one order with its cancellation (a refund when it was paid).

import { api, query, segment } from '../api';
import { h, replace } from '../dom';
import { cursorPager, navigate, type View } from '../router';
import { ORDER_STATUSES, type Order, type OrderStatus, type Page } from '../types';
import { alertBox, dateTime, failedPage, field, heading, select, showProblem, STATUS_LABELS, statusBadge, toast } from '../ui';
import { orderDetails, ordersTable } from '../pages/orders';
import { adminOnly } from './guard';

export async function adminOrdersPage(view: View): Promise<void> {
  if (!adminOnly(view)) {
    return;
  }
  const wanted = view.query.get('status') as OrderStatus | null;
  const status: OrderStatus = wanted && ORDER_STATUSES.includes(wanted) ? wanted : 'PAID';
  const cursor = view.query.get('cursor');
  let page: Page<Order>;
  try {
    page = (await api.get<Page<Order>>(`/admin/orders${query({ status, limit: 20, cursor })}`, { auth: true, signal: view.signal })).data;
  } catch (error) {
    failedPage(view.main, 'Orders', error);
    return;
  }
  const chooser = select(
    ORDER_STATUSES.map((name) => [name, STATUS_LABELS[name]]),
    { onchange: (event: Event) => navigate(`#/admin/orders?status=${(event.target as HTMLSelectElement).value}`) },
  );
  chooser.value = status;
  replace(
    view.main,
    heading('Orders'),
    h('div', { class: 'toolbar' }, field('Status', chooser).wrapper),
    ordersTable(page.items, (order) => `#/admin/orders/${encodeURIComponent(order.id)}`, true),
    cursorPager(`#/admin/orders?status=${status}`, cursor, page.nextCursor),
  );
}

export async function adminOrderPage(view: View): Promise<void> {
  if (!adminOnly(view)) {
    return;
  }
  const path = `/admin/orders/${segment(view.params.id)}`;
  let order: Order;
  try {
    order = (await api.get<Order>(path, { auth: true, signal: view.signal })).data;
  } catch (error) {
    failedPage(view.main, 'Order', error);
    return;
  }
  const alert = alertBox();
  const paid = order.status === 'PAID';
  const cancellable = order.status === 'PENDING_PAYMENT' || paid;
  const cancel = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      onclick: async () => {
        if (!window.confirm(paid ? 'Cancel this order and refund the shopper?' : 'Cancel this order?')) {
          return;
        }
        try {
          const answer = await api.post<Order>(`${path}/cancel`, undefined, { auth: true });
          toast(answer.status === 202 ? 'Cancelling: the refund is on its way' : 'Order cancelled');
          await adminOrderPage(view);
        } catch (error) {
          showProblem(alert, error);
        }
      },
    },
    paid ? 'Cancel and refund' : 'Cancel order',
  );
  replace(
    view.main,
    h('p', { class: 'crumbs' }, h('a', { href: `#/admin/orders?status=${order.status}` }, `← ${STATUS_LABELS[order.status]} orders`)),
    heading(`Order #${order.id.slice(0, 8)}`),
    h('p', null, statusBadge(order.status), ` · placed ${dateTime(order.createdAt)} · updated ${dateTime(order.updatedAt)} · shopper ${order.userId}`),
    alert,
    cancellable ? h('div', { class: 'actions' }, cancel) : h('p', { class: 'muted' }, order.status === 'CANCELLING' ? 'Being refunded; reload to follow it.' : 'This order can no longer be cancelled.'),
    ...orderDetails(order),
    h('p', { class: 'muted' }, `Payment method ${order.paymentMethod}${order.payment?.chargeId ? `, charge ${order.payment.chargeId}` : ''}${order.payment?.refundId ? `, refund ${order.payment.refundId}` : ''}`),
  );
}
