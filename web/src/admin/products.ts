// Admin: the catalog. Edits send the ETag they started from (If-Match); when someone else saved
// first, the 412 is shown as what it is: their version beside yours, and the choice of which wins.

import { api, Problem, query, segment } from '../api';
import { h, replace } from '../dom';
import { cursorPager, navigate, type View } from '../router';
import type { Page, Product, ProductChanges } from '../types';
import { alertBox, failedPage, field, fromMinor, heading, input, invalid, price, select, showProblem, submitting, toast, toMinor } from '../ui';
import { adminOnly } from './guard';

const CURRENCIES: [string, string][] = [['EUR', 'EUR'], ['USD', 'USD'], ['GBP', 'GBP'], ['CHF', 'CHF'], ['SEK', 'SEK'], ['JPY', 'JPY']];

export async function adminProductsPage(view: View): Promise<void> {
  if (!adminOnly(view)) {
    return;
  }
  const cursor = view.query.get('cursor');
  let page: Page<Product>;
  try {
    page = (await api.get<Page<Product>>(`/products${query({ limit: 20, cursor })}`, { signal: view.signal })).data;
  } catch (error) {
    failedPage(view.main, 'Products', error);
    return;
  }
  const table = h(
    'table',
    { class: 'admin-products' },
    h('thead', null, h('tr', null, ...['Name', 'Category', 'Price', 'Stock', 'Version'].map((name) => h('th', { scope: 'col' }, name)))),
    h(
      'tbody',
      null,
      page.items.map((product) =>
        h(
          'tr',
          null,
          h('td', null, h('a', { href: `#/admin/products/${encodeURIComponent(product.id)}` }, product.name)),
          h('td', null, product.category),
          h('td', null, price(product.price)),
          h('td', { class: 'number' }, product.stock),
          h('td', { class: 'number' }, product.version),
        ),
      ),
    ),
  );
  replace(view.main, heading('Products'), h('p', null, h('a', { class: 'button', href: '#/admin/products/new' }, 'New product')), table, cursorPager('#/admin/products', cursor, page.nextCursor));
}

interface ProductForm {
  form: HTMLFormElement;
  alert: HTMLElement;
  values: () => ProductChanges;
  fill: (product: ProductChanges) => void;
}

/** The fields an admin edits; `stock` only when creating. */
function productForm(submitLabel: string, stock?: HTMLInputElement): ProductForm {
  const alert = alertBox();
  const name = input({ name: 'name', required: true, maxlength: 120 });
  const description = h('textarea', { name: 'description', rows: 3, maxlength: 2000 });
  const category = input({ name: 'category', required: true, maxlength: 40, pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  const amount = input({ name: 'price', required: true, inputmode: 'decimal' });
  const currency = select(CURRENCIES, { name: 'currency' });
  const form = h(
    'form',
    { class: 'product-form', novalidate: true },
    alert,
    field('Name', name, '/name').wrapper,
    field('Description', description, '/description').wrapper,
    field('Category', category, '/category', 'Lower-case words joined by "-", such as home-office.').wrapper,
    h('div', { class: 'row' }, field('Price', amount, '/price/amount').wrapper, field('Currency', currency, '/price/currency').wrapper),
    stock ? field('Stock', stock, '/stock').wrapper : null,
    h('button', { type: 'submit', class: 'primary' }, submitLabel),
  );
  return {
    form,
    alert,
    values: () => {
      const minor = toMinor(amount.value, currency.value);
      if (Number.isNaN(minor)) {
        throw invalid('/price/amount', `Enter a price such as ${fromMinor(3450, currency.value)}.`);
      }
      return { name: name.value, description: description.value, category: category.value.trim(), price: { amount: minor, currency: currency.value } };
    },
    fill: (product) => {
      name.value = product.name;
      description.value = product.description;
      category.value = product.category;
      amount.value = fromMinor(product.price.amount, product.price.currency);
      currency.value = product.price.currency;
    },
  };
}

export function newProductPage(view: View): void {
  if (!adminOnly(view)) {
    return;
  }
  const stock = input({ type: 'number', name: 'stock', min: 0, max: 1000000, value: 0, inputmode: 'numeric', required: true });
  const product = productForm('Create product', stock);
  product.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let created: Product | undefined;
    await submitting(product.form, product.alert, async () => {
      const units = Number(stock.value);
      if (stock.value.trim() === '' || !Number.isInteger(units)) {
        throw invalid('/stock', 'Enter a whole number of units, 0 or more.');
      }
      created = (await api.post<Product>('/products', { ...product.values(), stock: units }, { auth: true })).data;
    });
    if (created) {
      toast(`Created ${created.name}`);
      navigate(`#/admin/products/${encodeURIComponent(created.id)}`);
    }
  });
  replace(view.main, h('p', { class: 'crumbs' }, h('a', { href: '#/admin/products' }, '← Products')), heading('New product'), product.form);
}

export async function editProductPage(view: View): Promise<void> {
  if (!adminOnly(view)) {
    return;
  }
  const path = `/products/${segment(view.params.id)}`;
  let product: Product;
  let etag: string;
  try {
    const answer = await api.get<Product>(path, { signal: view.signal });
    product = answer.data;
    etag = answer.headers.get('etag') ?? `"${product.version}"`;
  } catch (error) {
    failedPage(view.main, 'Product', error);
    return;
  }
  const editor = productForm('Save changes');
  editor.fill(product);
  const facts = h('p', { class: 'muted', 'data-testid': 'product-facts' });
  const conflict = h('div', { class: 'conflict', role: 'alert', hidden: true });
  const showFacts = () => replace(facts, `Version ${product.version} · ${product.stock} in stock · id ${product.id}`);
  showFacts();

  const save = async (ifMatch: string) => {
    conflict.hidden = true;
    let saved: Product | undefined;
    const ok = await submitting(editor.form, editor.alert, async () => {
      const answer = await api.put<Product>(path, editor.values(), { auth: true, headers: { 'if-match': ifMatch } });
      saved = answer.data;
      etag = answer.headers.get('etag') ?? `"${answer.data.version}"`;
    });
    if (ok && saved) {
      product = saved;
      showFacts();
      toast(`Saved: ${product.name} is at version ${product.version}`);
    } else if (editor.alert.dataset.problem === 'precondition-failed') {
      editor.alert.hidden = true;
      await showConflict();
    }
  };

  // Someone saved since this page read the product: show theirs against ours and let the admin choose.
  const showConflict = async () => {
    let theirs: Product;
    let theirTag: string;
    try {
      const answer = await api.get<Product>(path);
      theirs = answer.data;
      theirTag = answer.headers.get('etag') ?? `"${theirs.version}"`;
    } catch (error) {
      showProblem(editor.alert, error);
      return;
    }
    let mine: ProductChanges;
    try {
      mine = editor.values();
    } catch (error) {
      showProblem(editor.alert, error);
      return;
    }
    const rows: [string, string, string][] = [
      ['Name', theirs.name, mine.name],
      ['Description', theirs.description, mine.description],
      ['Category', theirs.category, mine.category],
      ['Price', price(theirs.price), price(mine.price)],
    ];
    replace(
      conflict,
      h('h2', null, 'Someone else changed this product'),
      h('p', null, `You edited version ${product.version}; it is now at version ${theirs.version}. Nothing of yours was saved.`),
      h(
        'table',
        null,
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, `Version ${theirs.version} (saved)`), h('th', { scope: 'col' }, 'Yours (not saved)'))),
        h('tbody', null, rows.map(([label, a, b]) => h('tr', { class: a === b ? null : 'differs' }, h('th', { scope: 'row' }, label), h('td', null, a), h('td', null, b)))),
      ),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => { product = theirs; etag = theirTag; showFacts(); void save(theirTag); } }, `Save mine over version ${theirs.version}`),
        h('button', { type: 'button', onclick: () => { product = theirs; etag = theirTag; editor.fill(theirs); showFacts(); conflict.hidden = true; toast(`Loaded version ${theirs.version}`); } }, `Discard mine, load version ${theirs.version}`),
      ),
    );
    conflict.hidden = false;
    conflict.setAttribute('tabindex', '-1');
    conflict.focus();
  };

  editor.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(etag);
  });

  // Stock moves by adjustment, never by edit: units received (+) or written off (−).
  const stockAlert = alertBox();
  const delta = input({ type: 'number', name: 'delta', inputmode: 'numeric', required: true, min: -1000000, max: 1000000 });
  const stockForm = h(
    'form',
    { class: 'inline-form', novalidate: true },
    field('Units received (+) or written off (−)', delta, '/delta').wrapper,
    h('button', { type: 'submit' }, 'Adjust stock'),
    stockAlert,
  );
  stockForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    await submitting(stockForm, stockAlert, async () => {
      const units = Number(delta.value);
      if (delta.value.trim() === '' || !Number.isInteger(units) || units === 0) {
        throw invalid('/delta', 'Enter a whole number other than 0.');
      }
      product = (await api.post<Product>(`${path}/stock`, { delta: units }, { auth: true })).data;
      delta.value = '';
      showFacts();
      toast(`Stock is now ${product.stock}`);
    });
  });

  const archiveAlert = alertBox();
  const archive = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      onclick: async () => {
        if (!window.confirm(`Archive ${product.name}? It leaves the shop at once.`)) {
          return;
        }
        try {
          await api.delete(path, { auth: true, headers: { 'if-match': etag } });
          toast(`Archived ${product.name}`);
          navigate('#/admin/products');
        } catch (error) {
          showProblem(archiveAlert, error instanceof Problem && error.status === 412 ? new Problem(412, error.type, 'Someone else changed this product', 'Reload the page to see their version before archiving it.') : error);
        }
      },
    },
    'Archive product',
  );

  replace(
    view.main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/admin/products' }, '← Products'), ' · ', h('a', { href: `#/products/${encodeURIComponent(product.id)}` }, 'See it in the shop')),
    heading(`Edit ${product.name}`),
    facts,
    conflict,
    editor.form,
    h('h2', null, 'Stock'),
    stockForm,
    h('h2', null, 'Archive'),
    archiveAlert,
    archive,
  );
}
