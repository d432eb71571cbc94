// What the admin page's modules (admin.mjs, admin-shares.mjs) share: a labelled table cell, how a
// failed call is shown (a session gone for good goes to sign-in and back) and a list's pager.
import { ApiError, SIGN_IN, describe } from './api.mjs';
import { t } from './i18n.mjs';
import { $, el, say } from './ui.mjs';

export function cell(label, ...content) {
  return el('td', { 'data-label': label }, ...content);
}

export function failed(region, error, subject) {
  if (error instanceof ApiError && SIGN_IN.has(error.code)) {
    location.assign('/login?next=/admin');
    return;
  }
  say(region, describe(error, subject), 'error');
}

/** The pager under a list: its page line and whether Previous and Next lead anywhere. */
export function pager(name, page, current) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  $(`#${name}-page`).textContent = t('admin.pager.page', { page: current + 1, pages, total: page.total });
  $(`#${name}-prev`).disabled = current === 0;
  $(`#${name}-next`).disabled = current + 1 >= pages;
}
