// The header of every page: who is signed in, and sign-out. The links for anonymous visitors
// are in the HTML; they are swapped once the account is known (the header keeps its height).
import { currentAccount, signOut } from './api.mjs';
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
