// Admin: the daily sales reports of a range of days as a bar chart of revenue (with the orders of
// each day), and the same figures as a table, which is also what a screen reader reads.

import { api, query } from '../api';
import { h, replace } from '../dom';
import { navigate, type View } from '../router';
import type { DailyReport } from '../types';
import { alertBox, failedPage, field, heading, input, money, showProblem, toast } from '../ui';
import { adminOnly } from './guard';
import { localRuntime, runSchedule } from './simulators';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([name, value]) => element.setAttribute(name, String(value)));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Revenue per day in one currency, as bars; each bar's orders above it. */
export function revenueChart(reports: DailyReport[], currency: string): SVGElement {
  const width = 640;
  const height = 260;
  const left = 64;
  const bottom = 40;
  const top = 24;
  const values = reports.map((report) => report.revenue[currency] ?? 0);
  const highest = Math.max(1, ...values);
  const slot = (width - left - 8) / Math.max(1, reports.length);
  const barWidth = Math.max(4, Math.min(48, slot * 0.7));
  const total = values.reduce((sum, value) => sum + value, 0);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'img',
    'aria-label': `Revenue per day in ${currency}, ${reports.length} days, ${money(total, currency)} in all; the table below has each day's figures.`,
  });
  const plot = height - bottom - top;
  for (const fraction of [0, 0.5, 1]) {
    const y = top + plot * (1 - fraction);
    chart.append(svg('line', { x1: left, x2: width - 4, y1: y, y2: y, class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, money(Math.round(highest * fraction), currency)));
  }
  reports.forEach((report, index) => {
    const value = values[index];
    const barHeight = (value / highest) * plot;
    const x = left + index * slot + (slot - barWidth) / 2;
    const bar = svg('rect', { x, y: top + plot - barHeight, width: barWidth, height: Math.max(barHeight, value ? 1 : 0), class: 'bar', 'data-date': report.date });
    bar.append(svg('title', {}, `${report.date}: ${money(value, currency)}, ${report.orders} orders`));
    chart.append(bar);
    chart.append(svg('text', { x: x + barWidth / 2, y: top + plot - barHeight - 6, 'text-anchor': 'middle', class: 'count' }, String(report.orders)));
    if (reports.length <= 16 || index % Math.ceil(reports.length / 12) === 0) {
      chart.append(svg('text', { x: x + barWidth / 2, y: height - bottom + 16, 'text-anchor': 'middle', class: 'axis' }, report.date.slice(5)));
    }
  });
  return chart;
}

export async function reportsPage(view: View): Promise<void> {
  if (!adminOnly(view)) {
    return;
  }
  const today = new Date();
  const to = view.query.get('to') ?? isoDay(today);
  const from = view.query.get('from') ?? isoDay(new Date(today.getTime() - 13 * 86400000));
  let reports: DailyReport[];
  try {
    reports = (await api.get<{ items: DailyReport[] }>(`/admin/reports/daily${query({ from, to })}`, { auth: true, signal: view.signal })).data.items;
  } catch (error) {
    failedPage(view.main, 'Sales reports', error);
    return;
  }
  const alert = alertBox();
  const fromInput = input({ type: 'date', name: 'from', value: from, required: true });
  const toInput = input({ type: 'date', name: 'to', value: to, required: true });
  const range = h('form', { class: 'inline-form', novalidate: true }, field('From', fromInput, 'from').wrapper, field('To', toInput, 'to').wrapper, h('button', { type: 'submit' }, 'Show'));
  range.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`#/admin/reports${query({ from: fromInput.value, to: toInput.value })}`);
  });
  const currencies = [...new Set(reports.flatMap((report) => Object.keys(report.revenue)))].sort();
  const currency = currencies.includes('EUR') ? 'EUR' : (currencies[0] ?? 'EUR');
  const table = h(
    'table',
    { class: 'reports' },
    h('caption', null, `Sales per day, ${from} to ${to} (UTC days)`),
    h('thead', null, h('tr', null, ...['Day', 'Orders', 'Revenue', 'Refunds', 'Units sold', 'Best seller'].map((name) => h('th', { scope: 'col' }, name)))),
    h(
      'tbody',
      null,
      reports.map((report) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, report.date),
          h('td', { class: 'number' }, report.orders),
          h('td', { class: 'number' }, Object.entries(report.revenue).map(([code, amount]) => money(amount, code)).join(', ') || '—'),
          h('td', { class: 'number' }, report.refunds.count ? `${report.refunds.count}: ${Object.entries(report.refunds.amount).map(([code, amount]) => money(amount, code)).join(', ')}` : '—'),
          h('td', { class: 'number' }, report.unitsSold),
          h('td', null, report.topProducts[0] ? `${report.topProducts[0].name} (${report.topProducts[0].units})` : '—'),
        ),
      ),
    ),
  );
  // The report runs after midnight UTC for the day before; the local runtime can run it now for
  // today so far, so the chart shows the sales just made.
  const runNow = (await localRuntime())
    ? h(
        'button',
        {
          type: 'button',
          onclick: async () => {
            const day = isoDay(new Date());
            try {
              await runSchedule('daily-sales-report', { date: day });
              toast(`Report of ${day} computed`);
              await reportsPage(view);
            } catch (error) {
              showProblem(alert, error);
            }
          },
        },
        "Compute today's report so far (local runtime)",
      )
    : null;
  if (view.signal.aborted) {
    return; // the admin moved on while the runtime was asked about: the page on screen is another's
  }
  replace(
    view.main,
    heading('Sales reports'),
    range,
    alert,
    reports.length
      ? [h('h2', null, `Revenue (${currency}) and orders per day`), revenueChart(reports, currency), table]
      : h('p', null, 'No reports in this range yet: each day is reported after midnight UTC.'),
    runNow,
  );
}
