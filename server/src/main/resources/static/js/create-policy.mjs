// The operator's share policies (bar.policy.*, issue 20 item 2) on the create page: what the
// server will refuse is forbidden or hidden here first, and a note says why. The server enforces
// every rule itself; this module only reads GET /api/share-policy for the signed-in user (or an
// anonymous one) and adjusts the form, apart from create.mjs (which offers the bar.shares.* limits).
import { requestJson } from './api.mjs';
import { session } from './nav.mjs';
import { t } from './i18n.mjs';
import { $, el } from './ui.mjs';

const VIEW_NAMES = (n) => t('share.limits.views', { count: n });

function hideOptions(select, allowed, fallback) {
  for (const option of select.options) {
    const ok = allowed(option.value);
    option.hidden = !ok;
    option.disabled = !ok;
  }
  if (select.selectedOptions.length === 0 || select.selectedOptions[0].disabled) {
    select.value = fallback;
  }
}

function limitViews(policy) {
  const views = $('#views');
  if (policy.maxViews !== null && ![...views.options].some((o) => o.value === String(policy.maxViews))) {
    const own = el('option', { value: String(policy.maxViews) }, VIEW_NAMES(policy.maxViews));
    const next = [...views.options].find((o) => Number(o.value) > policy.maxViews || o.value === 'unlimited');
    views.insertBefore(own, next || null);
  }
  hideOptions(views, (v) => (v === 'unlimited' ? policy.unlimitedViews : policy.maxViews === null
    || Number(v) <= policy.maxViews), '1');
}

function limitExpiry(policy) {
  const expiry = $('#expiry');
  const allowed = (v) => v === 'custom' || Number(v) <= policy.maxExpirySeconds;
  const fitting = [...expiry.options].filter((o) => o.value !== 'custom' && allowed(o.value));
  hideOptions(expiry, allowed, fitting.length ? fitting[fitting.length - 1].value : 'custom');
}

function apply(policy) {
  const notes = [];
  if (policy.passwordRequired) {
    const password = $('#password');
    password.required = true;
    password.setAttribute('aria-required', 'true');
    const optional = $('label[for="password"] .muted');
    if (optional) {
      optional.textContent = t('share.policy.password_required');
    }
    // per-recipient links carry no password in this version: the server would refuse them here
    $('#per-recipient').disabled = true;
    $('#per-recipient-hint').textContent = t('share.recipients.policy_password');
  }
  if (!policy.fileShares) {
    $('#kind-file').disabled = true;
    if ($('#kind-file').checked) { // ?mode=files in the address: this person cannot share files here
      $('#kind-text').click();
    }
    notes.push(t('share.policy.files_signed_in_only'));
  }
  const limit = () => {
    limitViews(policy);
    limitExpiry(policy);
  };
  limit();
  // create.mjs fills these lists again once it knows the server's limits: hide again after it
  for (const select of [$('#views'), $('#expiry')]) {
    new MutationObserver(limit).observe(select, { childList: true });
  }
  if (policy.otpEmailDomains.length > 0) {
    $('#otp-hint').append(' ' + t('share.policy.otp_domains', { domains: policy.otpEmailDomains.join(', ') }));
  }
  if (notes.length > 0) {
    const note = el('p', { class: 'hint', id: 'policy-note' }, notes.join(' '));
    $('#create-form .actions').before(note);
  }
}

session.then(async () => {
  try {
    apply(await requestJson('/api/share-policy'));
  } catch {
    // the form stays as it is; the server still refuses what its policies forbid, and says which
  }
});
