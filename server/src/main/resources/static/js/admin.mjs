// The admin page (/admin): system status, accounts waiting for approval, every account with
// approve/pause/resume/delete, and the security events. The API refuses anyone but an ADMIN;
// this page only says so nicely.
import { cell, failed, pager } from './admin-common.mjs';
import { request, requestJson } from './api.mjs';
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
const STATE_NAMES = {
  ACTIVE: 'Active', PENDING_VERIFICATION: 'Email not verified', PENDING_APPROVAL: 'Waiting for approval',
  PAUSED: 'Paused', DELETED: 'Deleted',
};

let me = null;
let usersPage = 0;
let eventsPage = 0;

async function loadStatus() {
  try {
    const status = await requestJson('/api/admin/status', { auth: true });
    const facts = [
      ['Version', status.version],
      ['Up for', `${Math.round(status.uptimeSeconds / 60)} min`],
      ['Dependencies', Object.entries(status.dependencies || {}).map(([k, v]) => `${k}: ${v}`).join(', ')],
      ['Accounts', Object.entries(status.counts.accounts || {}).map(([k, v]) => `${STATE_NAMES[k] || k}: ${v}`).join(', ') || 'none'],
      ['Live sessions', String(status.counts.liveSessions)],
      ['Security events (24 h)', String(status.counts.securityEventsLast24h)],
    ];
    $('#status-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  } catch (error) {
    failed($('#admin-notice'), error, 'The status');
  }
}

function actionButton(label, kind, action) {
  const button = el('button', { type: 'button', class: kind + ' small' }, label);
  button.addEventListener('click', () => action(button));
  return button;
}

async function act(user, action, region) {
  const verb = { approve: 'Approve', pause: 'Pause', resume: 'Resume', delete: 'Delete' }[action];
  const question = action === 'delete'
    ? `Delete ${user.email}? Their personal data, sessions, tokens and shares are destroyed. This cannot be undone.`
    : action === 'pause' ? `Pause ${user.email}? Every session of theirs ends at once and their API tokens stop.` : null;
  if (question && !window.confirm(question)) {
    return;
  }
  try {
    if (action === 'delete') {
      await request(`/api/admin/users/${encodeURIComponent(user.id)}`, { method: 'DELETE', auth: true });
    } else {
      await request(`/api/admin/users/${encodeURIComponent(user.id)}/${action}`, { method: 'POST', auth: true });
    }
    say(region, `${verb}d: ${user.email || user.id}.`, 'ok');
  } catch (error) {
    failed(region, error, 'That account');
  }
  await Promise.all([loadPending(), loadUsers(), loadStatus()]);
}

async function loadPending() {
  try {
    const page = await requestJson('/api/admin/users?state=PENDING_APPROVAL&size=100', { auth: true });
    $('#pending-body').replaceChildren(...page.items.map((u) => el('tr', {},
      cell('Email', u.email),
      cell('Name', u.displayName || '—'),
      cell('Registered', formatDate(u.createdAt)),
      el('td', { class: 'actions-cell' }, actionButton('Approve', '', () => act(u, 'approve', $('#pending-notice')))))));
    $('#pending-empty').hidden = page.items.length > 0;
    $('#pending-body').closest('table').hidden = page.items.length === 0;
  } catch (error) {
    failed($('#pending-notice'), error, 'The list');
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
    failed($('#users-notice'), error, 'The list');
  }
}

function userRow(u) {
  const region = $('#users-notice');
  const self = me && u.id === me.id;
  const buttons = [];
  if (u.state === 'PENDING_APPROVAL') {
    buttons.push(actionButton('Approve', '', () => act(u, 'approve', region)));
  }
  if (u.state === 'ACTIVE' && !self) {
    buttons.push(actionButton('Pause', 'secondary', () => act(u, 'pause', region)));
  }
  if (u.state === 'PAUSED') {
    buttons.push(actionButton('Resume', 'secondary', () => act(u, 'resume', region)));
  }
  if (u.state !== 'DELETED' && !self) {
    buttons.push(actionButton('Delete', 'danger', () => act(u, 'delete', region)));
  }
  return el('tr', { 'data-user': u.id },
    cell('Email', u.email || '—', self ? el('span', { class: 'badge live' }, 'you') : null),
    cell('Name', u.displayName || '—'),
    cell('Role', u.role),
    cell('State', STATE_NAMES[u.state] || u.state),
    cell('Registered', formatDate(u.createdAt)),
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
      el('td', { 'data-label': 'When', class: 'when' }, formatDate(e.occurredAt)),
      cell('Type', el('span', { class: 'mono' }, e.type)),
      cell('Actor', el('span', { class: 'mono small' }, e.actorId || '—')),
      cell('IP', e.clientIp || '—'),
      cell('Detail', el('span', { class: 'mono small' }, e.detail && e.detail !== '{}' ? e.detail : '')))));
    $('#events-empty').hidden = page.items.length > 0;
    $('#events-body').closest('table').hidden = page.items.length === 0;
    pager('events', page, eventsPage);
  } catch (error) {
    failed($('#events-notice'), error, 'The list');
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
    say($('#admin-notice'), 'This page is for administrators. Your account is not one.', 'error');
    $('#main').setAttribute('aria-busy', 'false');
    return;
  }
  me = account;
  $('#admin-content').hidden = false;
  await loadStatus();
  await Promise.all([loadPending(), loadUsers(), loadEvents()]);
  $('#main').setAttribute('aria-busy', 'false');
});
