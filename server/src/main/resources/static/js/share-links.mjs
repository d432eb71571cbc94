// A link and its key apart (issue 13 item 10, as Yopass does): the sender may send the link
// without its fragment and the key on another channel; the open page takes the key pasted. Pure.

/** {link, key}: the link without its fragment, and the fragment (the key) on its own. */
export function splitLink(link) {
  const hash = link.indexOf('#');
  return hash < 0 ? { link, key: '' } : { link: link.slice(0, hash), key: link.slice(hash + 1) };
}

/**
 * The key in what a recipient pasted: the key itself, or a whole link (the part after its #).
 * Spaces and line breaks a chat app or an email put into it are dropped.
 */
export function pastedKey(text) {
  const compact = String(text ?? '').replace(/\s+/g, '');
  const hash = compact.lastIndexOf('#');
  return hash < 0 ? compact : compact.slice(hash + 1);
}
