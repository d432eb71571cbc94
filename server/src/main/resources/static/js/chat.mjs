// The burn chat page (/c/new and /c/{id}#<room key>): opens a room, joins its socket, and
// encrypts and checks every message in the browser (chat-crypto.mjs). The server sees only
// ciphertext; the room key in the fragment never leaves the browser.
import { $, el, copy } from './ui.mjs';
import { requestJson, request, ApiError, describe } from './api.mjs';
import { formatDateTime, t } from './i18n.mjs';
import * as e2e from './chat-crypto.mjs';

const OWNER = 'bar-chat-owner:';
const roomId = location.pathname.split('/')[2] || '';

function show(id) {
  ['new', 'gone', 'room'].forEach((s) => { $('#' + s).hidden = s !== id; });
}

function status(text) {
  $('#status').textContent = text;
}

async function openNew() {
  show('new');
  $('#new-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('#new-button').disabled = true;
    try {
      const room = await requestJson('/api/chat/rooms', { method: 'POST', json: {
        lifetimeSeconds: Number($('#lifetime').value),
        maxParticipants: Number($('#places').value),
        burnWhenEmpty: $('#burn-empty').checked,
      } });
      sessionStorage.setItem(OWNER + room.id, room.ownerToken);
      location.assign('/c/' + room.id + '#' + e2e.newRoomKey());
    } catch (e) {
      $('#new-notice').textContent = e instanceof ApiError ? describe(e) : t('chat.new.failed');
      $('#new-button').disabled = false;
    }
  });
}

function line(kind, who, text) {
  $('#messages').append(el('li', { class: 'chat-' + kind }, who ? el('strong', {}, t('chat.room.who', { who })) : '', text));
}

async function join(roomKey) {
  let info;
  try {
    info = await requestJson('/api/chat/rooms/' + encodeURIComponent(roomId));
  } catch (e) {
    show('gone');
    return;
  }
  show('room');
  $('#invite').value = location.origin + '/c/' + roomId + '#' + roomKey;
  $('#copy-invite').addEventListener('click', () => copy($('#invite').value, $('#copy-invite')));
  $('#expiry').textContent = formatDateTime(info.expiresAt);
  const me = await e2e.newParticipant(roomId, roomKey);
  const peers = new Map();
  const names = new Map();
  let myId = null;
  const nameOf = (id) => {
    if (!names.has(id)) {
      names.set(id, t('chat.room.person', { number: names.size + 1 }));
    }
    return names.get(id);
  };
  const refresh = async () => {
    $('#people').textContent = [t('chat.room.you'), ...[...peers.keys()].map(nameOf)].join(t('chat.room.list_separator'));
    $('#safety').textContent = peers.size ? await e2e.safetyCode(me, [me.pub, ...[...peers.values()].map((p) => p.pub)]) : '—';
    $('#send-button').disabled = peers.size === 0;
  };
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const socket = new WebSocket(scheme + location.host + '/api/chat/rooms/' + encodeURIComponent(roomId) + '/socket');
  const sendHello = async () => socket.send(JSON.stringify(await e2e.hello(me)));
  let burned = false;
  // frames are handled one after the other: a message must not overtake the hello before it
  let queue = Promise.resolve();
  socket.addEventListener('message', (event) => {
    queue = queue.then(() => handle(JSON.parse(event.data))).catch(() => status(t('chat.status.unreadable_frame')));
  });
  const handle = async (frame) => {
    if (frame.type === 'welcome') {
      myId = frame.you;
      status(t('chat.status.connected'));
      await sendHello();
    } else if (frame.type === 'joined') {
      await sendHello();
    } else if (frame.type === 'left') {
      if (peers.delete(frame.id)) {
        line('event', null, t('chat.event.left', { name: nameOf(frame.id) }));
        await refresh();
      }
    } else if (frame.type === 'burned') {
      burned = true;
      show('gone');
      $('#gone h1').textContent = t('chat.gone.burned'); // i18n-ignore: a CSS selector
    } else if (frame.type === 'msg' && frame.from !== myId) {
      await received(frame.from, frame.data);
    }
  };
  const received = async (from, data) => {
    let payload;
    try {
      payload = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (payload.k === 'hello') {
      const known = peers.get(from);
      if (known && e2e.b64u(known.pub) === payload.pub) {
        return;
      }
      const peer = await e2e.peerOf(me, payload);
      if (!peer) {
        line('warning', null, t('chat.warning.stranger'));
        return;
      }
      peers.set(from, peer);
      line('event', null, t('chat.event.joined', { name: nameOf(from) }));
      await refresh();
      // answer a new peer's hello with ours: the hello we sent on its "joined" can reach the
      // server before the newcomer is in the room's list, and would then be lost to it
      await sendHello();
    } else if (payload.k === 'msg' && payload.c && payload.c[myId] && peers.has(from)) {
      const result = await e2e.open(me, peers.get(from), payload.c[myId]);
      if (result.warning === 'tampered') {
        line('warning', nameOf(from), t('chat.warning.tampered'));
      } else if (result.warning === 'replayed') {
        line('warning', nameOf(from), t('chat.warning.replayed'));
      } else {
        if (result.warning === 'missing') {
          line('warning', nameOf(from), t('chat.warning.missing'));
        }
        line('message', nameOf(from), result.text);
      }
    }
  };
  socket.addEventListener('close', (event) => {
    $('#send-button').disabled = true;
    if (myId === null) {
      status(t('chat.status.full'));
    } else if (!burned) {
      status(event.code === 1008 ? t('chat.status.too_fast')
        : event.code === 1009 ? t('chat.status.too_large') : t('chat.status.disconnected'));
    }
  });
  $('#send-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('#text').value;
    if (!text || peers.size === 0) {
      return;
    }
    const c = {};
    for (const [id, peer] of peers) {
      c[id] = await e2e.seal(me, peer, text);
    }
    socket.send(JSON.stringify({ k: 'msg', c }));
    line('mine', t('chat.room.me'), text);
    $('#text').value = '';
  });
  const owner = sessionStorage.getItem(OWNER + roomId);
  if (owner) {
    $('#burn-button').hidden = false;
    $('#burn-button').addEventListener('click', async () => {
      await request('/api/chat/rooms/' + encodeURIComponent(roomId), { method: 'DELETE',
        headers: { Authorization: 'Bearer ' + owner } }); // i18n-ignore: an HTTP auth scheme
      sessionStorage.removeItem(OWNER + roomId);
    });
  }
}

const key = location.hash.slice(1);
if (roomId === 'new') {
  openNew();
} else if (/^[A-Za-z0-9_-]{43}$/.test(key)) {
  join(key);
} else {
  show('gone');
}
