// The catalog: products by category a page at a time, and a product's own page with "add to cart".

import { api, query, segment, session } from '../api';
import { h, replace } from '../dom';
import { cursorPager, here, navigate, type View } from '../router';
import type { Cart, Page, Product } from '../types';
import { alertBox, failedPage, field, heading, input, invalid, price, submitting, toast } from '../ui';
import { cartChanged } from './cart';

const PAGE_SIZE = 12;

let categories: Promise<string[]> | null = null;

/**
 * The categories to browse by. The API has no list of them, so they are read once from the first
 * hundred products (enough for a small shop; a large one would add a categories route).
 */
function knownCategories(): Promise<string[]> {
  categories ??= api
    .get<Page<Product>>('/products?limit=100')
    .then((page) => [...new Set(page.data.items.map((product) => product.category))].sort())
    .catch(() => {
      categories = null;
      return [];
    });
  return categories;
}

export function categoryLabel(category: string): string {
  return category.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
}

function stockNote(product: Product): HTMLElement {
  if (product.stock === 0) {
    return h('p', { class: 'stock out' }, 'Sold out');
  }
  if (product.stock <= 5) {
    return h('p', { class: 'stock low' }, `Only ${product.stock} left`);
  }
  return h('p', { class: 'stock' }, 'In stock');
}

export async function catalogPage({ main, query: params, signal }: View): Promise<void> {
  const category = params.get('category');
  const cursor = params.get('cursor');
  const base = category ? `#/?category=${encodeURIComponent(category)}` : '#/';
  let page: Page<Product>;
  try {
    page = (await api.get<Page<Product>>(`/products${query({ category, limit: PAGE_SIZE, cursor })}`, { signal })).data;
  } catch (error) {
    failedPage(main, 'The shop', error);
    return;
  }
  const all = await knownCategories();
  if (signal.aborted) {
    return; // the shopper moved on while the categories loaded: the page on screen is another's
  }
  const filters = h(
    'nav',
    { class: 'categories', 'aria-label': 'Categories' },
    h('ul', null, [
      h('li', null, h('a', { href: '#/', 'aria-current': category ? null : 'page' }, 'Everything')),
      ...all.map((name) =>
        h('li', null, h('a', { href: `#/?category=${encodeURIComponent(name)}`, 'aria-current': name === category ? 'page' : null }, categoryLabel(name))),
      ),
    ]),
  );
  const grid = page.items.length
    ? h(
        'ul',
        { class: 'products' },
        page.items.map((product) =>
          h(
            'li',
            { class: 'product-card' },
            h('h2', null, h('a', { href: `#/products/${encodeURIComponent(product.id)}` }, product.name)),
            h('p', { class: 'category' }, categoryLabel(product.category)),
            h('p', { class: 'price' }, price(product.price)),
            stockNote(product),
          ),
        ),
      )
    : h('p', null, 'Nothing here yet.');
  replace(main, heading(category ? categoryLabel(category) : 'The shop'), filters, grid, cursorPager(base, cursor, page.nextCursor));
}

export async function productPage({ main, params, signal }: View): Promise<void> {
  let product: Product;
  try {
    product = (await api.get<Product>(`/products/${segment(params.id)}`, { signal })).data;
  } catch (error) {
    failedPage(main, 'Product', error);
    return;
  }
  const alert = alertBox();
  const quantity = input({ type: 'number', min: 1, max: Math.max(1, Math.min(99, product.stock)), value: 1, inputmode: 'numeric', required: true });
  const form = h(
    'form',
    { class: 'add-to-cart', novalidate: true },
    field('Quantity', quantity, '/quantity').wrapper,
    h('button', { type: 'submit', disabled: product.stock === 0 }, product.stock === 0 ? 'Sold out' : 'Add to cart'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!session.signedIn) {
      navigate(`#/login?next=${encodeURIComponent(here())}`);
      return;
    }
    await submitting(form, alert, async () => {
      const wanted = Number(quantity.value);
      if (!Number.isInteger(wanted) || wanted < 1 || wanted > 99) {
        throw invalid('/quantity', 'Choose a quantity from 1 to 99.');
      }
      // PUT sets a line's quantity: add to what the cart already holds.
      const cart = (await api.get<Cart>('/cart', { auth: true })).data;
      const already = cart.lines.find((line) => line.productId === product.id)?.quantity ?? 0;
      const total = Math.min(99, already + wanted);
      const updated = await api.put<Cart>(`/cart/lines/${segment(product.id)}`, { quantity: total }, { auth: true });
      cartChanged(updated.data);
      toast(`Added to your cart: ${product.name} (${total} in the cart)`);
    });
  });
  replace(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: `#/?category=${encodeURIComponent(product.category)}` }, `← ${categoryLabel(product.category)}`)),
    h(
      'article',
      { class: 'product' },
      heading(product.name),
      h('p', { class: 'price large' }, price(product.price)),
      stockNote(product),
      product.description ? h('p', { class: 'description' }, product.description) : null,
      alert,
      form,
      h('p', null, h('a', { href: '#/cart' }, 'Go to your cart')),
    ),
  );
}
