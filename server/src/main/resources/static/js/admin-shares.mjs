// The admin page's share moderation (issue 20 item 1): share statistics, the metadata list of
// every share with owner and state filters, and burning one share or all of an owner's, each
// with the reason the server records. Kept apart from admin.mjs; the API refuses non-admins.
import { cell, failed, pager } from './admin-common.mjs';
import { request, requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { $, confirmAction, el, formatBytes, formatDate, say } from './ui.mjs';

const PAGE_SIZE = 25;
const STATES = {
  pending: 'Waiting for upload', uploading: 'Uploading', active: 'Active', destroyed: 'Destroyed',
  quarantined: 'Quarantined',
};
let page = 0;

async function loadStatistics() {
  try {
    const stats = await requestJson('/api/admin/shares/statistics', { auth: true });
    const opens = stats.opensPerDay || [];
    const facts = [
      ['Live shares', String(stats.liveShares)],
      ['By state', Object.entries(stats.byState).map(([k, v]) => `${STATES[k] || k}: ${v}`).join(', ')],
      ['Stored (live shares)', formatBytes(stats.storedBytes)],
      ['Opens today', String(opens.length ? opens[opens.length - 1].opens : 0)],
      ['Opens (30 days)', String(opens.reduce((sum, d) => sum + d.opens, 0))],
    ];
    $('#share-stats-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    $('#share-opens-body').replaceChildren(...opens.slice().reverse().map((d) => el('tr', {},
      cell('Day', d.day), cell('Opens', String(d.opens)))));
  } catch (error) {
    failed($('#share-stats-notice'), error, 'The statistics');
  }
}

function reason() {
  const value = $('#shares-reason').value.trim();
  if (!value) {
    say($('#shares-notice'), 'Write the reason for the burn first: it is recorded with it.', 'error');
    $('#shares-reason').focus();
  }
  return value;
}

async function burn(share) {
  const why = reason();
  if (!why || !confirmAction(`Burn share ${share.id}? It is destroyed at once and cannot be opened again.`)) {
    return;
  }
  try {
    await request(`/api/admin/shares/${encodeURIComponent(share.id)}`, { method: 'DELETE', json: { reason: why }, auth: true });
    say($('#shares-notice'), `Burned: ${share.id}.`, 'ok');
  } catch (error) {
    failed($('#shares-notice'), error, 'That share');
  }
  await Promise.all([loadShares(), loadStatistics()]);
}

async function burnAllOf(ownerId) {
  const why = reason();
  if (!why || !confirmAction(`Burn every live share of account ${ownerId}? This cannot be undone.`)) {
    return;
  }
  try {
    const result = await requestJson(`/api/admin/users/${encodeURIComponent(ownerId)}/burn-shares`,
      { method: 'POST', json: { reason: why }, auth: true });
    say($('#shares-notice'), `Burned ${result.burned} share(s) of ${ownerId}.`, 'ok');
  } catch (error) {
    failed($('#shares-notice'), error, 'That account');
  }
  await Promise.all([loadShares(), loadStatistics()]);
}

function shareRow(s) {
  const live = s.state === 'active' || s.state === 'pending' || s.state === 'uploading';
  const state = (STATES[s.state] || s.state) + (s.expired ? ' (expired)' : '')
    + (s.destroyReason ? ` (${s.destroyReason.replaceAll('_', ' ')})` : '');
  const buttons = [];
  if (live) {
    const button = el('button', { type: 'button', class: 'danger small' }, 'Burn');
    button.addEventListener('click', () => burn(s));
    buttons.push(button);
  }
  if (live && s.ownerId) {
    const all = el('button', { type: 'button', class: 'secondary small' }, 'Burn all of owner');
    all.addEventListener('click', () => burnAllOf(s.ownerId));
    buttons.push(all);
  }
  return el('tr', { 'data-share': s.id },
    cell('Share', el('span', { class: 'mono small' }, s.id)),
    cell('Owner', el('span', { class: 'mono small' }, s.ownerId || 'anonymous')),
    cell('Kind', s.kind + (s.zeroKnowledge ? ' (zero-knowledge)' : '')),
    cell('State', state),
    cell('Views', s.maxViews === null ? `${s.viewsUsed} of unlimited` : `${s.viewsUsed} of ${s.maxViews}`),
    cell('Size', formatBytes(s.sizeBytes)),
    cell('Created', formatDate(s.createdAt)),
    cell('Expires', formatDate(s.expiresAt)),
    el('td', { class: 'actions-cell' }, ...buttons));
}

async function loadShares() {
  const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  const owner = $('#shares-owner').value.trim();
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
    failed($('#shares-notice'), error, 'The list');
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
