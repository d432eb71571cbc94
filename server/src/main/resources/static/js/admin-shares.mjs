// The admin page's share moderation (issue 20 item 1): share statistics, the metadata list of
// every share with owner and state filters, and burning one share or all of an owner's, each
// with the reason the server records. Kept apart from admin.mjs; the API refuses non-admins.
import { cell, failed, pager } from './admin-common.mjs';
import { request, requestJson } from './api.mjs';
import { formatNumber, has, t } from './i18n.mjs';
import { session } from './nav.mjs';
import { $, confirmAction, el, formatBytes, formatDate, say } from './ui.mjs';

const PAGE_SIZE = 25;

/** A share state ("Waiting for upload") or destroy reason ("burned by admin") in words; unknown ones as the server names them. */
function named(prefix, code) {
  return has(prefix + code) ? t(prefix + code) : code.replaceAll('_', ' ');
}
let page = 0;

async function loadStatistics() {
  try {
    const stats = await requestJson('/api/admin/shares/statistics', { auth: true });
    const opens = stats.opensPerDay || [];
    const facts = [
      [t('admin.stats.live_shares'), formatNumber(stats.liveShares)],
      [t('admin.stats.by_state'), Object.entries(stats.byState)
        .map(([k, v]) => t('admin.status.pair', { name: named('admin.share_state.', k), value: v })).join(', ')],
      [t('admin.stats.stored'), formatBytes(stats.storedBytes)],
      [t('admin.stats.opens_today'), formatNumber(opens.length ? opens[opens.length - 1].opens : 0)],
      [t('admin.stats.opens_30_days'), formatNumber(opens.reduce((sum, d) => sum + d.opens, 0))],
    ];
    $('#share-stats-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    $('#share-opens-body').replaceChildren(...opens.slice().reverse().map((d) => el('tr', {},
      cell(t('admin.stats.day'), d.day), cell(t('admin.stats.opens'), formatNumber(d.opens)))));
  } catch (error) {
    failed($('#share-stats-notice'), error, t('admin.subject.statistics'));
  }
}

function reason() {
  const value = $('#shares-reason').value.trim();
  if (!value) {
    say($('#shares-notice'), t('admin.shares.reason_first'), 'error');
    $('#shares-reason').focus();
  }
  return value;
}

async function burn(share) {
  const why = reason();
  if (!why || !confirmAction(t('admin.shares.confirm_burn', { id: share.id }))) {
    return;
  }
  try {
    await request(`/api/admin/shares/${encodeURIComponent(share.id)}`, { method: 'DELETE', json: { reason: why }, auth: true });
    say($('#shares-notice'), t('admin.shares.burned', { id: share.id }), 'ok');
  } catch (error) {
    failed($('#shares-notice'), error, t('admin.subject.share'));
  }
  await Promise.all([loadShares(), loadStatistics()]);
}

async function burnAllOf(ownerId) {
  const why = reason();
  if (!why || !confirmAction(t('admin.shares.confirm_burn_all', { owner: ownerId }))) {
    return;
  }
  try {
    const result = await requestJson(`/api/admin/users/${encodeURIComponent(ownerId)}/burn-shares`,
      { method: 'POST', json: { reason: why }, auth: true });
    say($('#shares-notice'), t('admin.shares.burned_all', { count: result.burned, owner: ownerId }), 'ok');
  } catch (error) {
    failed($('#shares-notice'), error, t('admin.subject.account'));
  }
  await Promise.all([loadShares(), loadStatistics()]);
}

function shareRow(s) {
  const live = s.state === 'active' || s.state === 'pending' || s.state === 'uploading';
  let state = named('admin.share_state.', s.state);
  if (s.expired) {
    state = t('admin.shares.expired', { state });
  }
  if (s.destroyReason) {
    state = t('admin.shares.destroyed_because', { state, reason: named('admin.destroy_reason.', s.destroyReason) });
  }
  const buttons = [];
  if (live) {
    const button = el('button', { type: 'button', class: 'danger small' }, t('admin.shares.burn'));
    button.addEventListener('click', () => burn(s));
    buttons.push(button);
  }
  if (live && s.ownerId) {
    const all = el('button', { type: 'button', class: 'secondary small' }, t('admin.shares.burn_all'));
    all.addEventListener('click', () => burnAllOf(s.ownerId));
    buttons.push(all);
  }
  return el('tr', { 'data-share': s.id },
    cell(t('admin.shares.col.share'), el('span', { class: 'mono small' }, s.id)),
    cell(t('admin.shares.col.owner'), el('span', { class: 'mono small' }, s.ownerId || t('admin.shares.anonymous'))),
    cell(t('admin.shares.col.kind'), s.zeroKnowledge ? t('admin.shares.kind_zero_knowledge', { kind: named('admin.shares.kind.', s.kind) })
      : named('admin.shares.kind.', s.kind)),
    cell(t('admin.shares.col.state'), state),
    cell(t('admin.shares.col.views'), s.maxViews === null ? t('admin.shares.views_unlimited', { used: s.viewsUsed })
      : t('admin.shares.views', { used: s.viewsUsed, max: s.maxViews })),
    cell(t('admin.shares.col.size'), formatBytes(s.sizeBytes)),
    cell(t('admin.shares.col.created'), formatDate(s.createdAt)),
    cell(t('admin.shares.col.expires'), formatDate(s.expiresAt)),
    el('td', { class: 'actions-cell' }, ...buttons));
}

async function loadShares() {
  const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  const typed = $('#shares-owner').value.trim();
  // The table shows a share without an owner as the reader's word for "anonymous"; the API's filter
  // value is always 'anonymous', and either may be typed.
  const owner = typed.toLocaleLowerCase() === t('admin.shares.anonymous').toLocaleLowerCase() ? 'anonymous' : typed;
  if (owner) {
    query.set('owner', owner);
  }
  if ($('#shares-state').value) {
    query.set('state', $('#shares-state').value);
  }
  try {
    const result = await requestJson('/api/admin/shares?' + query, { auth: true });
    $('#shares-body').replaceChildren(...result.items.map(shareRow));
    $('#shares-empty').hidden = result.items.length > 0;
    $('#shares-body').closest('table').hidden = result.items.length === 0;
    pager('shares', result, page);
  } catch (error) {
    failed($('#shares-notice'), error, t('admin.subject.list'));
  }
}

function reload() {
  page = 0;
  loadShares();
}

$('#share-stats-refresh').addEventListener('click', loadStatistics);
$('#shares-state').addEventListener('change', reload);
$('#shares-owner').addEventListener('change', reload);
$('#shares-prev').addEventListener('click', () => {
  page = Math.max(0, page - 1);
  loadShares();
});
$('#shares-next').addEventListener('click', () => {
  page += 1;
  loadShares();
});

session.then(async (account) => {
  if (account && account.role === 'ADMIN') {
    await Promise.all([loadStatistics(), loadShares()]);
  }
});
