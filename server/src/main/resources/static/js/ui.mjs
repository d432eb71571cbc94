// Small DOM helpers shared by the pages. Text always goes in through textContent, never as HTML;
// words come from the catalogues (i18n.mjs).
import { formatBytes as bytes, formatDateTime, lang, t } from './i18n.mjs';

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** An element: el('td', {class: 'x', 'data-label': 'When'}, 'text', child, ...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** Shows a message in a live region ('error', 'ok' or 'info'); an empty text clears it. */
export function say(region, text, kind = 'info') {
  region.replaceChildren();
  if (!text) {
    return;
  }
  const message = el('div', { class: 'message ' + kind }, ...(Array.isArray(text) ? text : [text]));
  region.append(message);
}

/** Marks the fields a 400 named as invalid (aria-invalid), clearing older marks in the form. */
export function markInvalid(form, error) {
  for (const field of $$('[aria-invalid]', form)) {
    field.removeAttribute('aria-invalid');
  }
  const errors = error && error.problem && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  let first = null;
  for (const e of errors) {
    const field = form.querySelector(`[data-field="${CSS.escape(e.field)}"]`);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      first = first || field;
    }
  }
  if (first) {
    first.focus();
  }
}

/** Disables a button while an async action runs, with a busy label. */
export async function busy(button, label, action) {
  const before = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  if (label) {
    button.textContent = label;
  }
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = before;
  }
}

/**
 * Counts down {@code seconds} on a button: disabled, showing the wait, then enabled with its
 * label back. Resolves when the wait is over.
 */
export function countdown(button, seconds, render = (s) => t('common.wait.try_again_in', { seconds: s })) {
  const label = button.dataset.label || button.textContent;
  button.dataset.label = label;
  let left = Math.max(1, Math.ceil(seconds));
  button.disabled = true;
  button.textContent = render(left);
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        clearInterval(timer);
        button.disabled = false;
        button.textContent = label;
        resolve();
      } else {
        button.textContent = render(left);
      }
    }, 1000);
  });
}

/** Copies text; says so on the button for a moment and in a polite live region for screen readers. */
export async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    flash(button, t('common.copy.done'));
    announce(t('common.copy.done'));
  } catch (e) {
    flash(button, t('common.copy.by_hand'));
    announce(t('common.copy.failed'));
  }
}

/** Says {@code text} to screen readers without moving focus (a role=status region made once per page). */
export function announce(text) {
  let region = document.getElementById('announcer');
  if (!region) {
    region = el('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 50); // a change after an empty moment, so the same word is announced again
}

function flash(button, text) {
  if (!button) {
    return;
  }
  const label = button.dataset.label || button.textContent;
  button.dataset.label = label;
  button.textContent = text;
  setTimeout(() => {
    button.textContent = label;
  }, 1500);
}

/** A date and time in the page's language ('—' for none). */
export function formatDate(iso) {
  return formatDateTime(iso);
}

/**
 * "in 3 hours", "in 2 days", "5 minutes ago": Intl's words and plurals in the page's
 * language (Intl.RelativeTimeFormat), the largest unit that keeps the value readable. {@code now}
 * and {@code locale} are for tests.
 */
export function relative(iso, now = Date.now(), locale = lang) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const [value, unit] = abs < 90 ? [seconds, 'second'] : abs < 5400 ? [Math.round(seconds / 60), 'minute']
    : abs < 129600 ? [Math.round(seconds / 3600), 'hour'] : [Math.round(seconds / 86400), 'day'];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(value, unit);
}

/**
 * "1 view", "3 views": the word for {@code n} (English plural rules, through Intl.PluralRules).
 * For pages not yet on the catalogues; converted pages use t() with a plural text instead.
 */
const pluralRules = new Intl.PluralRules('en');
export function plural(n, one, other) {
  return `${n} ${pluralRules.select(n) === 'one' ? one : other}`;
}

/** "512 bytes", "1.5 MiB" in the page's language (i18n.mjs). */
export function formatBytes(n) {
  return bytes(n);
}

/** A same-origin path to go to after signing in, from ?next=; anything else gives the fallback. */
export function nextPath(fallback = '/dashboard') {
  const next = new URLSearchParams(location.search).get('next');
  return next && /^\/(?![/\\])[A-Za-z0-9/_-]*$/.test(next) ? next : fallback;
}

/** Asks before something that cannot be undone. */
export function confirmAction(text) {
  return window.confirm(text);
}
