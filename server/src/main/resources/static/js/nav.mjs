// The header of every page: who is signed in, sign-out, and the language picker. The links for
// anonymous visitors are in the HTML; they are swapped once the account is known (the header
// keeps its height).
import { currentAccount, saveLanguage, signOut } from './api.mjs';
import { rememberLanguage } from './i18n.mjs';
import { $$ } from './ui.mjs';

function show(account) {
  for (const link of $$('[data-nav]')) {
    const role = link.dataset.nav;
    link.hidden = role === 'anonymous' ? account !== null
      : role === 'user' ? account === null
        : account === null || account.role !== 'ADMIN';
  }
  const who = document.getElementById('nav-who');
  if (who) {
    who.textContent = account ? account.displayName || account.email : '';
  }
}

/** The signed-in account or null, once per page. */
export const session = currentAccount().catch(() => null);

session.then(show);

for (const button of $$('[data-action="sign-out"]')) {
  button.addEventListener('click', async () => {
    button.disabled = true;
    location.assign(await signOut());
  });
}

// The language picker: the choice is kept in the bar_lang cookie (the server renders the page in
// it) and, for a signed-in reader, saved to the account for its mails; then the page reloads.
const picker = document.getElementById('language');
if (picker) {
  picker.addEventListener('change', async () => {
    picker.disabled = true;
    rememberLanguage(picker.value);
    if (await session) {
      await saveLanguage(picker.value).catch(() => null);
    }
    location.reload();
  });
}
