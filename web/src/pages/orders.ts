// The shopper's orders, one order followed live (polled while it still moves), and the inbox.

import { api, Problem, query, segment } from '../api';
import { h, replace, type Child } from '../dom';
import { cursorPager, type View } from '../router';
import type { Notification, Order, OrderStatus, Page } from '../types';
import { alertBox, dateTime, failedPage, heading, money, showProblem, STATUS_LABELS, statusBadge, toast } from '../ui';

const POLL_MILLIS = 2000;
/** Statuses an order leaves by itself (a job, the payment gateway, the shipping partner). */
const MOVING: OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'FULFILLING', 'SHIPPED', 'CANCELLING'];
const JOURNEY: OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED'];

export function orderTotal(order: Order): string {
  return money(order.totals.total, order.currency);
}

/** A table of orders; `link` makes each one's address. */
export function ordersTable(orders: Order[], link: (order: Order) => string, withCustomer = false): HTMLElement {
  if (orders.length === 0) {
    return h('p', null, 'No orders here.');
  }
  return h(
    'table',
    { class: 'orders' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Placed'), h('th', { scope: 'col' }, 'Order'), withCustomer ? h('th', { scope: 'col' }, 'Ship to') : null, h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col', class: 'number' }, 'Total'))),
    h(
      'tbody',
      null,
      orders.map((order) =>
        h(
          'tr',
          { 'data-order': order.id },
          h('td', null, dateTime(order.createdAt)),
          h('td', null, h('a', { href: link(order) }, `#${order.id.slice(0, 8)}`)),
          withCustomer ? h('td', null, order.shippingAddress.name) : null,
          h('td', null, statusBadge(order.status)),
          h('td', { class: 'number' }, orderTotal(order)),
        ),
      ),
    ),
  );
}

export async function ordersPage({ main, query: params, signal }: View): Promise<void> {
  const cursor = params.get('cursor');
  try {
    const page = (await api.get<Page<Order>>(`/orders${query({ limit: 20, cursor })}`, { auth: true, signal })).data;
    replace(main, heading('Your orders'), ordersTable(page.items, (order) => `#/orders/${encodeURIComponent(order.id)}`), cursorPager('#/orders', cursor, page.nextCursor));
  } catch (error) {
    failedPage(main, 'Your orders', error);
  }
}

/** Where the order is on its way, as steps; a side road (failed, cancelled, expired) is said as such. */
function journey(order: Order): HTMLElement {
  const reached = JOURNEY.indexOf(order.status);
  if (reached < 0) {
    return h('p', { class: 'journey-off' }, statusBadge(order.status), ' ', order.payment?.refundReason ? `Refunded: ${order.payment.refundReason}.` : '');
  }
  return h(
    'ol',
    { class: 'journey', 'aria-label': 'Progress' },
    JOURNEY.map((status, index) =>
      h('li', { class: index < reached ? 'done' : index === reached ? 'current' : 'todo', 'aria-current': index === reached ? 'step' : null }, STATUS_LABELS[status]),
    ),
  );
}

/** The order's lines, totals, address and what happened to its money and parcel. */
export function orderDetails(order: Order): Child[] {
  const address = order.shippingAddress;
  const totals = order.totals;
  return [
    h(
      'table',
      { class: 'lines' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col', class: 'number' }, 'Quantity'), h('th', { scope: 'col', class: 'number' }, 'Price'), h('th', { scope: 'col', class: 'number' }, 'Total'))),
      h(
        'tbody',
        null,
        order.lines.map((line) =>
          h('tr', null, h('td', null, line.name), h('td', { class: 'number' }, line.quantity), h('td', { class: 'number' }, money(line.unitPrice.amount, line.unitPrice.currency)), h('td', { class: 'number' }, money(line.lineTotal.amount, line.lineTotal.currency))),
        ),
      ),
    ),
    h(
      'dl',
      { class: 'summary' },
      h('dt', null, 'Subtotal'),
      h('dd', null, money(totals.subtotal, order.currency)),
      totals.discount ? [h('dt', null, order.promoCode ? `Code ${order.promoCode}` : 'Discount'), h('dd', null, `−${money(totals.discount, order.currency)}`)] : null,
      h('dt', null, 'Shipping'),
      h('dd', null, money(totals.shipping, order.currency)),
      h('dt', { class: 'total' }, 'Total'),
      h('dd', { class: 'total', 'data-testid': 'order-total' }, money(totals.total, order.currency)),
    ),
    h('h2', null, 'Shipping to'),
    h('address', null, [address.name, ...address.lines, `${address.postalCode} ${address.city}`, address.country].flatMap((text, index) => (index ? [h('br'), text] : [text]))),
    order.shipment?.trackingNumber ? h('p', null, `Parcel: ${order.shipment.carrier ?? ''} ${order.shipment.trackingNumber}`) : null,
    order.payment?.refundId ? h('p', null, `Refunded${order.payment.refundReason ? ` (${order.payment.refundReason})` : ''}.`) : null,
  ];
}

export async function orderPage(view: View): Promise<void> {
  const path = `/orders/${segment(view.params.id)}`;
  let order: Order;
  try {
    order = (await api.get<Order>(path, { auth: true, signal: view.signal })).data;
  } catch (error) {
    failedPage(view.main, 'Order', error);
    return;
  }
  const alert = alertBox();
  const status = h('div', { class: 'order-status', role: 'status', 'aria-live': 'polite' });
  const details = h('div');
  const actions = h('div', { class: 'actions' });

  const show = (current: Order) => {
    order = current;
    replace(status, h('p', null, 'Status: ', statusBadge(current.status), MOVING.includes(current.status) ? h('span', { class: 'live' }, ' (updating live)') : null), journey(current));
    replace(details, ...orderDetails(current));
    const cancellable = current.status === 'PENDING_PAYMENT' || current.status === 'PAID';
    replace(actions, cancellable ? cancelButton() : null);
  };
  const cancelButton = () =>
    h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          if (!window.confirm('Cancel this order? A payment already taken is refunded.')) {
            return;
          }
          try {
            show((await api.post<Order>(`${path}/cancel`, undefined, { auth: true })).data);
            toast('Your order is being cancelled');
            poll();
          } catch (error) {
            showProblem(alert, error);
          }
        },
      },
      'Cancel order',
    );

  // Polls while the order still moves; stops when it settles or the shopper leaves the page.
  let polling = false;
  const poll = () => {
    if (polling) {
      return;
    }
    polling = true;
    const tick = async () => {
      if (view.signal.aborted || !MOVING.includes(order.status)) {
        polling = false;
        return;
      }
      try {
        const next = (await api.get<Order>(path, { auth: true, signal: view.signal })).data;
        if (next.version !== order.version) {
          show(next);
          document.dispatchEvent(new CustomEvent('kiosk:notifications'));
        }
      } catch (error) {
        if (view.signal.aborted) {
          return;
        }
        if (error instanceof Problem && error.status >= 400 && error.status < 500 && error.status !== 429) {
          showProblem(alert, error);
          polling = false;
          return;
        }
      }
      window.setTimeout(tick, POLL_MILLIS);
    };
    window.setTimeout(tick, POLL_MILLIS);
  };

  show(order);
  replace(
    view.main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/orders' }, '← Your orders')),
    heading(`Order #${order.id.slice(0, 8)}`),
    h('p', { class: 'muted' }, `Placed ${dateTime(order.createdAt)}`),
    alert,
    status,
    actions,
    details,
  );
  poll();
}

export async function notificationsPage(view: View): Promise<void> {
  const cursor = view.query.get('cursor');
  let page: Page<Notification>;
  try {
    page = (await api.get<Page<Notification>>(`/me/notifications${query({ limit: 20, cursor })}`, { auth: true, signal: view.signal })).data;
  } catch (error) {
    failedPage(view.main, 'Notifications', error);
    return;
  }
  const alert = alertBox();
  const item = (notification: Notification): HTMLElement => {
    const read = h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: async () => {
          try {
            await api.post(`/me/notifications/${segment(notification.id)}/read`, undefined, { auth: true });
            notification.read = true;
            entry.replaceWith(item(notification));
            document.dispatchEvent(new CustomEvent('kiosk:notifications'));
          } catch (error) {
            showProblem(alert, error);
          }
        },
      },
      'Mark as read',
    );
    const data = notification.data;
    const entry = h(
      'li',
      { class: notification.read ? 'notification' : 'notification unread', 'data-type': notification.type },
      h('h2', null, notification.read ? null : h('span', { class: 'visually-hidden' }, 'Unread: '), notification.title),
      h('p', null, notification.body),
      data.trackingNumber ? h('p', null, `${data.carrier ?? 'Parcel'}: ${data.trackingNumber}`) : null,
      notification.orderId
        ? h('p', { class: 'muted' }, dateTime(notification.createdAt), ' · ', h('a', { href: `#/orders/${encodeURIComponent(notification.orderId)}` }, 'See the order'))
        : h('p', { class: 'muted' }, dateTime(notification.createdAt)),
      notification.read ? null : read,
    );
    return entry;
  };
  replace(
    view.main,
    heading('Notifications'),
    alert,
    page.items.length ? h('ul', { class: 'notifications' }, page.items.map(item)) : h('p', null, 'Nothing yet: news of your orders will appear here.'),
    cursorPager('#/notifications', cursor, page.nextCursor),
  );
}

/** Unread notifications on the first page, for the header's count. */
export async function unreadCount(): Promise<number> {
  const page = (await api.get<Page<Notification>>('/me/notifications?limit=50', { auth: true })).data;
  return page.items.filter((notification) => !notification.read).length;
}
