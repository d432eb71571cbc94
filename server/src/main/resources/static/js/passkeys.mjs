// Passkeys (WebAuthn) in the browser: creating one for the signed-in account, and signing in with
// one, alone or as the second step after the password. The server (Spring Security's WebAuthn
// support) sends the options as JSON with base64url bytes; this turns them into what
// navigator.credentials takes and the authenticator's answer back into JSON.
import { requestJson } from './api.mjs';

/** True when this browser can use passkeys here (a secure context with WebAuthn). */
export function passkeysSupported() {
  return window.isSecureContext && typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
}

function bytes(base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
}

function base64url(buffer) {
  if (!buffer) {
    return null;
  }
  let binary = '';
  new Uint8Array(buffer).forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function descriptors(list) {
  return (list || []).map((d) => ({ ...d, id: bytes(d.id) }));
}

/** The authenticator's answer as the JSON Spring Security reads: {@code response} adds the ceremony's own fields. */
function asJson(credential, response) {
  return {
    id: credential.id,
    rawId: base64url(credential.rawId),
    type: credential.type,
    response: { clientDataJSON: base64url(credential.response.clientDataJSON), ...response },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment,
  };
}

/** Creates a passkey on this device for the signed-in account, named {@code label}; resolves to the stored passkey. */
export async function createPasskey(label) {
  const { ceremonyToken, options } = await requestJson('/api/account/passkeys/options', { method: 'POST', auth: true });
  const publicKey = {
    ...options,
    challenge: bytes(options.challenge),
    user: { ...options.user, id: bytes(options.user.id) },
    excludeCredentials: descriptors(options.excludeCredentials),
  };
  const credential = await navigator.credentials.create({ publicKey });
  const json = asJson(credential, {
    attestationObject: base64url(credential.response.attestationObject),
    transports: credential.response.getTransports ? credential.response.getTransports() : [],
  });
  return requestJson('/api/account/passkeys', { method: 'POST', auth: true, json: { ceremonyToken, label, credential: json } });
}

/**
 * Signs in with a passkey: alone (no {@code mfaToken}) or as the second step of a password sign-in.
 * Resolves once the session's cookies are set.
 */
export async function passkeyAssertion(mfaToken = null, rememberMe = false) {
  const { ceremonyToken, options } = await requestJson('/api/auth/passkey/options', { method: 'POST', json: { mfaToken } });
  const publicKey = {
    ...options,
    challenge: bytes(options.challenge),
    allowCredentials: descriptors(options.allowCredentials),
  };
  const credential = await navigator.credentials.get({ publicKey });
  const json = asJson(credential, {
    authenticatorData: base64url(credential.response.authenticatorData),
    signature: base64url(credential.response.signature),
    userHandle: base64url(credential.response.userHandle),
  });
  return requestJson('/api/auth/passkey', { method: 'POST', json: { ceremonyToken, mfaToken, rememberMe, credential: json } });
}
