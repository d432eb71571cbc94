// The admin page (/admin): system status, accounts waiting for approval, every account with
// approve/pause/resume/delete, and the security events. The API refuses anyone but an ADMIN;
// this page only says so nicely.
import { cell, failed, pager } from './admin-common.mjs';
import { request, requestJson } from './api.mjs';
import { formatNumber, t } from './i18n.mjs';
import { session } from './nav.mjs';
import { $, el, formatDate, say } from './ui.mjs';

const PAGE_SIZE = 25;
const EVENT_TYPES = [
  'login.failed', 'login.succeeded', 'login.pending_approval', 'login.account_paused', 'account.locked',
  'account.registered', 'account.verified', 'account.password_changed', 'account.password_reset', 'token.expired',
  'token.invalid', 'token.missing', 'token.refresh_reuse', 'session.revoked', 'session.reauthenticated',
  'mfa.enrolled', 'mfa.disabled', 'mfa.failed', 'mfa.recovery_used', 'mfa.recovery_codes_renewed', 'mfa.reset',
  'passkey.registered', 'passkey.removed', 'passkey.failed',
  'api_token.created', 'api_token.deleted', 'access.denied', 'rate_limit.exceeded', 'csrf.rejected',
  'share.password_failed', 'share.locked', 'share.tamper_detected', 'oidc.refused', 'oidc.linked', 'account.role_changed',
  'admin.action',
];
const STATES = ['ACTIVE', 'PENDING_VERIFICATION', 'PENDING_APPROVAL', 'PAUSED', 'DELETED'];

/** An account state in words ("Waiting for approval"); an unknown one as the server names it. */
function stateName(state) {
  return STATES.includes(state) ? t('admin.account_state.' + state.toLowerCase()) : state;
}

let me = null;
let usersPage = 0;
let eventsPage = 0;

async function loadStatus() {
  try {
    const status = await requestJson('/api/admin/status', { auth: true });
    const facts = [
      [t('admin.status.version'), status.version],
      [t('admin.status.up_for'), t('admin.status.uptime', { minutes: Math.round(status.uptimeSeconds / 60) })],
      [t('admin.status.dependencies'), Object.entries(status.dependencies || {})
        .map(([k, v]) => t('admin.status.pair', { name: k, value: v })).join(', ')],
      [t('admin.status.accounts'), Object.entries(status.counts.accounts || {})
        .map(([k, v]) => t('admin.status.pair', { name: stateName(k), value: v })).join(', ') || t('admin.status.none')],
      [t('admin.status.live_sessions'), formatNumber(status.counts.liveSessions)],
      [t('admin.status.events_24h'), formatNumber(status.counts.securityEventsLast24h)],
    ];
    $('#status-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  } catch (error) {
    failed($('#admin-notice'), error, t('admin.subject.status'));
  }
}

function actionButton(label, kind, action) {
  const button = el('button', { type: 'button', class: kind + ' small' }, label);
  button.addEventListener('click', () => action(button));
  return button;
}

async function act(user, action, region) {
  const question = action === 'delete' ? t('admin.users.confirm_delete', { email: user.email })
    : action === 'pause' ? t('admin.users.confirm_pause', { email: user.email }) : null;
  if (question && !window.confirm(question)) {
    return;
  }
  try {
    if (action === 'delete') {
      await request(`/api/admin/users/${encodeURIComponent(user.id)}`, { method: 'DELETE', auth: true });
    } else {
      await request(`/api/admin/users/${encodeURIComponent(user.id)}/${action}`, { method: 'POST', auth: true });
    }
    say(region, t('admin.users.done.' + action, { who: user.email || user.id }), 'ok');
  } catch (error) {
    failed(region, error, t('admin.subject.account'));
  }
  await Promise.all([loadPending(), loadUsers(), loadStatus()]);
}

async function loadPending() {
  try {
    const page = await requestJson('/api/admin/users?state=PENDING_APPROVAL&size=100', { auth: true });
    $('#pending-body').replaceChildren(...page.items.map((u) => el('tr', {},
      cell(t('admin.users.col.email'), u.email),
      cell(t('admin.users.col.name'), u.displayName || '—'),
      cell(t('admin.users.col.registered'), formatDate(u.createdAt)),
      el('td', { class: 'actions-cell' },
        actionButton(t('admin.users.action.approve'), '', () => act(u, 'approve', $('#pending-notice')))))));
    $('#pending-empty').hidden = page.items.length > 0;
    $('#pending-body').closest('table').hidden = page.items.length === 0;
  } catch (error) {
    failed($('#pending-notice'), error, t('admin.subject.list'));
  }
}

async function loadUsers() {
  const state = $('#users-state').value;
  const query = new URLSearchParams({ page: String(usersPage), size: String(PAGE_SIZE) });
  if (state) {
    query.set('state', state);
  }
  try {
    const page = await requestJson('/api/admin/users?' + query, { auth: true });
    $('#users-body').replaceChildren(...page.items.map(userRow));
    pager('users', page, usersPage);
  } catch (error) {
    failed($('#users-notice'), error, t('admin.subject.list'));
  }
}

function userRow(u) {
  const region = $('#users-notice');
  const self = me && u.id === me.id;
  const buttons = [];
  if (u.state === 'PENDING_APPROVAL') {
    buttons.push(actionButton(t('admin.users.action.approve'), '', () => act(u, 'approve', region)));
  }
  if (u.state === 'ACTIVE' && !self) {
    buttons.push(actionButton(t('admin.users.action.pause'), 'secondary', () => act(u, 'pause', region)));
  }
  if (u.state === 'PAUSED') {
    buttons.push(actionButton(t('admin.users.action.resume'), 'secondary', () => act(u, 'resume', region)));
  }
  if (u.state !== 'DELETED' && !self) {
    buttons.push(actionButton(t('admin.users.action.delete'), 'danger', () => act(u, 'delete', region)));
  }
  return el('tr', { 'data-user': u.id },
    cell(t('admin.users.col.email'), u.email || '—', self ? el('span', { class: 'badge live' }, t('admin.users.you')) : null),
    cell(t('admin.users.col.name'), u.displayName || '—'),
    cell(t('admin.users.col.role'), u.role),
    cell(t('admin.users.col.state'), stateName(u.state)),
    cell(t('admin.users.col.registered'), formatDate(u.createdAt)),
    el('td', { class: 'actions-cell' }, ...buttons));
}

async function loadEvents() {
  const type = $('#events-type').value;
  const query = new URLSearchParams({ page: String(eventsPage), size: String(PAGE_SIZE) });
  if (type) {
    query.set('type', type);
  }
  try {
    const page = await requestJson('/api/admin/security-events?' + query, { auth: true });
    $('#events-body').replaceChildren(...page.items.map((e) => el('tr', {},
      el('td', { 'data-label': t('admin.events.col.when'), class: 'when' }, formatDate(e.occurredAt)),
      cell(t('admin.events.col.type'), el('span', { class: 'mono' }, e.type)),
      cell(t('admin.events.col.actor'), el('span', { class: 'mono small' }, e.actorId || '—')),
      cell(t('admin.events.col.ip'), e.clientIp || '—'),
      cell(t('admin.events.col.detail'), el('span', { class: 'mono small' }, e.detail && e.detail !== '{}' ? e.detail : '')))));
    $('#events-empty').hidden = page.items.length > 0;
    $('#events-body').closest('table').hidden = page.items.length === 0;
    pager('events', page, eventsPage);
  } catch (error) {
    failed($('#events-notice'), error, t('admin.subject.list'));
  }
}

$('#events-type').append(...EVENT_TYPES.map((t) => el('option', { value: t }, t)));
$('#status-refresh').addEventListener('click', loadStatus);
$('#users-state').addEventListener('change', () => {
  usersPage = 0;
  loadUsers();
});
$('#users-prev').addEventListener('click', () => {
  usersPage = Math.max(0, usersPage - 1);
  loadUsers();
});
$('#users-next').addEventListener('click', () => {
  usersPage += 1;
  loadUsers();
});
$('#events-type').addEventListener('change', () => {
  eventsPage = 0;
  loadEvents();
});
$('#events-prev').addEventListener('click', () => {
  eventsPage = Math.max(0, eventsPage - 1);
  loadEvents();
});
$('#events-next').addEventListener('click', () => {
  eventsPage += 1;
  loadEvents();
});

session.then(async (account) => {
  if (!account) {
    location.assign('/login?next=/admin');
    return;
  }
  if (account.role !== 'ADMIN') {
    say($('#admin-notice'), t('admin.not_admin'), 'error');
    $('#main').setAttribute('aria-busy', 'false');
    return;
  }
  me = account;
  $('#admin-content').hidden = false;
  await loadStatus();
  await Promise.all([loadPending(), loadUsers(), loadEvents()]);
  $('#main').setAttribute('aria-busy', 'false');
});
