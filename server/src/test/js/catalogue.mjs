// The catalogues for the browser modules under Node (no document, no fetch of /i18n/<lang>.json):
// the same texts the server serves, read from src/main/resources/i18n/<lang>/*.json (all areas
// but mail). Imported first by each test of a module that says something to a person.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useCatalogue } from '../../main/resources/static/js/i18n.mjs';

const I18N = fileURLToPath(new URL('../../main/resources/i18n/', import.meta.url));

/** The browser's catalogue of {@code lang}, as GET /i18n/<lang>.json answers it. */
export function catalogue(lang) {
  const all = {};
  for (const file of readdirSync(I18N + lang).filter((f) => f.endsWith('.json') && f !== 'mail.json').sort()) {
    Object.assign(all, JSON.parse(readFileSync(I18N + lang + '/' + file, 'utf8')));
  }
  return all;
}

/** Makes {@code lang} the modules' language. */
export function useLanguage(lang) {
  useCatalogue(lang, catalogue(lang));
}

useLanguage('en');
