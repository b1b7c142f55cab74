// The shop's entry: the header (what the visitor may do, their cart and inbox counts), the routes,
// and the first render.

import './style.css';
import { api, session } from './api';
import { h, replace } from './dom';
import { here, navigate, render, route } from './router';
import { toast } from './ui';
import { catalogPage, productPage } from './pages/catalog';
import { isSignInForm, loginPage, signupPage } from './pages/account';
import { cartPage, checkoutPage } from './pages/cart';
import { notificationsPage, orderPage, ordersPage, unreadCount } from './pages/orders';
import { adminProductsPage, editProductPage, newProductPage } from './admin/products';
import { adminOrderPage, adminOrdersPage } from './admin/orders';
import { promotionsPage } from './admin/promotions';
import { reportsPage } from './admin/reports';
import { simulatorsPage } from './admin/simulators';
import type { Cart } from './types';

route('/', 'Shop', catalogPage);
route('/products/:id', 'Product', productPage);
route('/login', 'Sign in', loginPage);
route('/signup', 'Create an account', signupPage);
route('/cart', 'Cart', cartPage);
route('/checkout', 'Checkout', checkoutPage);
route('/orders', 'Orders', ordersPage);
route('/orders/:id', 'Order', orderPage);
route('/notifications', 'Notifications', notificationsPage);
route('/admin/products', 'Products', adminProductsPage);
route('/admin/products/new', 'New product', newProductPage);
route('/admin/products/:id', 'Edit product', editProductPage);
route('/admin/orders', 'Orders', adminOrdersPage);
route('/admin/orders/:id', 'Order', adminOrderPage);
route('/admin/promotions', 'Promotions', promotionsPage);
route('/admin/reports', 'Sales reports', reportsPage);
route('/admin/simulators', 'Simulators', simulatorsPage);

const counts = { cart: 0, unread: 0 };

function link(href: string, text: string, ...extra: (Node | string | null)[]): HTMLElement {
  return h('li', null, h('a', { href }, text, ...extra));
}

function badge(count: number, label: string): HTMLElement | null {
  return count > 0 ? h('span', { class: 'count', 'aria-label': `${count} ${label}` }, String(count)) : null;
}

/** The header's links for who is signed in; the current page's link marked. */
function drawNav(): void {
  const nav = document.getElementById('nav-links') as HTMLElement;
  const items: HTMLElement[] = [link('#/', 'Shop')];
  if (session.signedIn) {
    items.push(link('#/cart', 'Cart', badge(counts.cart, 'items')), link('#/orders', 'Orders'), link('#/notifications', 'Inbox', badge(counts.unread, 'unread')));
    if (session.isAdmin) {
      items.push(
        h('li', { class: 'admin-links' }, h('span', { class: 'nav-group' }, 'Admin'), h('ul', null, link('#/admin/products', 'Products'), link('#/admin/orders', 'Orders'), link('#/admin/promotions', 'Promotions'), link('#/admin/reports', 'Reports'), link('#/admin/simulators', 'Simulators'))),
      );
    }
    items.push(
      h(
        'li',
        null,
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: async () => {
              await session.signOut();
              toast('Signed out');
              navigate('#/');
            },
          },
          `Sign out ${session.profile?.name ?? ''}`.trim(),
        ),
      ),
    );
  } else {
    // Signing in comes back here, unless here is the sign-in or sign-up form itself.
    const back = isSignInForm(here()) ? '' : `?next=${encodeURIComponent(here())}`;
    items.push(link(`#/login${back}`, 'Sign in'), link('#/signup', 'Create account'));
  }
  replace(nav, ...items);
  markCurrent();
}

function markCurrent(): void {
  const path = (location.hash || '#/').split('?')[0];
  document.querySelectorAll<HTMLAnchorElement>('#nav-links a').forEach((anchor) => {
    const target = anchor.getAttribute('href')?.split('?')[0] ?? '';
    const current = target === path || (target !== '#/' && path.startsWith(`${target}/`));
    if (current) {
      anchor.setAttribute('aria-current', 'page');
    } else {
      anchor.removeAttribute('aria-current');
    }
  });
}

async function refreshCounts(): Promise<void> {
  if (!session.signedIn) {
    return;
  }
  try {
    const [cart, unread] = await Promise.all([api.get<Cart>('/cart', { auth: true }), unreadCount()]);
    counts.cart = cart.data.itemCount;
    counts.unread = unread;
    drawNav();
  } catch {
    // The counts are a courtesy; the pages report their own problems.
  }
}

document.addEventListener('kiosk:cart', (event) => {
  counts.cart = (event as CustomEvent<number>).detail;
  drawNav();
});
document.addEventListener('kiosk:notifications', () => void refreshCounts());
document.addEventListener('kiosk:navigated', () => {
  // Redrawn, not only re-marked: the sign-in link comes back to the page now shown.
  drawNav();
  closeMenu();
});
session.onChange(() => {
  counts.cart = 0;
  counts.unread = 0;
  drawNav();
  void refreshCounts();
});

// The phone-width menu: a real button that says whether it is open.
const menuButton = document.getElementById('menu-button') as HTMLButtonElement;
function closeMenu(): void {
  menuButton.setAttribute('aria-expanded', 'false');
}
menuButton.addEventListener('click', () => {
  menuButton.setAttribute('aria-expanded', String(menuButton.getAttribute('aria-expanded') !== 'true'));
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && menuButton.getAttribute('aria-expanded') === 'true') {
    closeMenu();
    menuButton.focus();
  }
});

// The skip link moves focus into the page without touching the hash the routes live in.
document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});

window.addEventListener('hashchange', () => void render());
drawNav();
void render();
