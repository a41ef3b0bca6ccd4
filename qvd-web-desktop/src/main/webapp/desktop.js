// The browser desktop: log in, list one's VMs, connect (progress as the NX client gets it), then noVNC (@novnc/novnc
// from npm, served from ./novnc/) over wss://<this server>/desktop/vnc with the connection's single-use ticket.
// After the start: the clipboard both ways (the status bar's field <-> the desktop's selection, through x11vnc), the
// desktop follows the window's size (a reconnect at the new size: nxagent resizes only when a viewer resumes), and a
// connection lost without a takeover is reconnected by itself for RECONNECT_MS (docs/browser.md).
import RFB from './novnc/core/rfb.js';

const $ = (id) => document.getElementById(id);
const views = ['login-view', 'vms-view', 'progress-view', 'desktop-view'];
const RECONNECT_MS = 90000;
const LAYOUTS = ['us', 'gb', 'de', 'fr', 'es', 'it', 'pt', 'ch', 'be', 'nl', 'se', 'no', 'dk', 'fi', 'pl', 'latam'];
let rfb = null;
let current = null;
// why the page itself closes the desktop: 'leave' (the user's Disconnect) or 'resize' (reconnect at a new size)
let closing = null;

function show(view) {
  views.forEach((v) => { $(v).hidden = v !== view; });
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

async function call(method, path, body) {
  const response = await fetch('api/' + path, {
    method,
    credentials: 'same-origin',
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
  return { status: response.status, data };
}

/** The desktop's size: the window below the status bar (the VMA takes 320-8192 a side). */
function geometry() {
  const bar = $('status-bar').offsetHeight || 24;
  const w = Math.min(8192, Math.max(640, window.innerWidth));
  const h = Math.min(8192, Math.max(480, window.innerHeight - bar));
  return { w, h, text: `${w}x${h}` };
}

/** The keyboard layout the session gets (nxagent's keyboard=pc105/<layout>): chosen, else the browser's language. */
function layout() {
  const chosen = $('layout').value;
  return LAYOUTS.includes(chosen) ? chosen : 'us';
}

function initLayouts() {
  const saved = localStorage.getItem('qvd.layout');
  const [language, region] = (navigator.language || 'en-US').toLowerCase().split('-');
  const guess = [saved, region === 'us' ? 'us' : region, language === 'en' ? 'gb' : language]
    .find((l) => LAYOUTS.includes(l)) || 'us';
  LAYOUTS.forEach((l) => {
    const option = document.createElement('option');
    option.value = l;
    option.textContent = l;
    $('layout').append(option);
  });
  $('layout').value = guess;
  $('layout').addEventListener('change', () => localStorage.setItem('qvd.layout', $('layout').value));
}

async function listVms() {
  const { status, data } = await call('GET', 'vms');
  if (status === 401) {
    show('login-view');
    return;
  }
  $('who').textContent = data.login;
  const list = $('vms');
  list.replaceChildren();
  data.vms.forEach((vm) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.className = 'vm';
    button.dataset.vm = vm.id;
    button.textContent = `${vm.name} (${vm.state}${vm.blocked ? ', blocked' : ''})`;
    button.addEventListener('click', () => connect(vm.id));
    item.append(button);
    list.append(item);
  });
  show('vms-view');
}

/**
 * One connect: asks for the VM, follows its progress (each text to onProgress) and answers {id, ticket, size} once the
 * desktop waits, or {final: reason} when retrying cannot help (refused, another client took it); throws on a network
 * error and {retry: reason} when the connect ended otherwise.
 */
async function connectOnce(vmId, onProgress) {
  const size = geometry();
  const { status, data } = await call('POST', `vms/${vmId}/connect?geometry=${size.text}&keyboard=${layout()}`);
  if (status === 401) {
    return { final: 'your login has ended: log in again', login: true };
  }
  if (status !== 202) {
    return { final: data.detail || `refused (${status})` };
  }
  let shown = 0;
  for (;;) {
    const answer = await call('GET', `connections/${data.id}`);
    if (answer.status !== 200) {
      return { retry: answer.data.detail || `lost (${answer.status})` };
    }
    answer.data.progress.slice(shown).forEach(onProgress);
    shown = answer.data.progress.length;
    if (answer.data.phase === 'ready') {
      return { id: data.id, ticket: answer.data.ticket, size };
    }
    if (answer.data.phase === 'ended') {
      const reason = answer.data.reason || 'the connection ended';
      return reason.includes('taken over') ? { final: reason } : { retry: reason };
    }
    await sleep(300);
  }
}

async function connect(vmId) {
  $('progress').replaceChildren();
  $('connect-error').textContent = '';
  $('progress-title').textContent = 'Connecting';
  show('progress-view');
  const outcome = await connectOnce(vmId, (text) => {
    const item = document.createElement('li');
    item.textContent = text;
    $('progress').append(item);
  }).catch((e) => ({ final: `the server cannot be reached (${e.message})` }));
  if (outcome.ticket) {
    openDesktop(outcome, vmId);
  } else {
    $('connect-error').textContent = outcome.final || outcome.retry;
  }
}

/** Reconnects by itself (a lost connection, or the window's new size) for RECONNECT_MS, waiting longer each time. */
async function reconnect(vmId, why) {
  document.body.dataset.desktop = 'reconnecting';
  const until = Date.now() + RECONNECT_MS;
  let wait = 500;
  let last = why;
  while (Date.now() < until) {
    $('desktop-status').textContent = `${why}: reconnecting...`;
    try {
      const outcome = await connectOnce(vmId, (text) => { $('desktop-status').textContent = `${why}: ${text}`; });
      if (outcome.ticket) {
        openDesktop(outcome, vmId);
        return;
      }
      if (outcome.final) {
        showEnded(outcome.final);
        return;
      }
      last = outcome.retry;
    } catch (e) {
      last = 'the server cannot be reached';
    }
    await sleep(wait);
    wait = Math.min(wait * 2, 5000);
  }
  showEnded(`could not reconnect: ${last}`);
}

function openDesktop(ready, vmId) {
  show('desktop-view');
  $('desktop-status').textContent = 'Connecting to the desktop...';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const base = location.pathname.replace(/[^/]*$/, '');
  const url = `${scheme}//${location.host}${base}vnc?c=${encodeURIComponent(ready.id)}&t=${encodeURIComponent(ready.ticket)}`;
  // single-use: worthless once the WebSocket has it (the tests replay it)
  current = { id: ready.id, vmId, ticket: ready.ticket, width: ready.size.w, height: ready.size.h };
  $('screen').replaceChildren();
  const mine = new RFB($('screen'), url, { wsProtocols: ['binary'] });
  rfb = mine;
  mine.scaleViewport = true;
  mine.resizeSession = false;
  mine.focusOnClick = true;
  mine.addEventListener('connect', () => {
    $('desktop-status').textContent = 'Connected';
    document.body.dataset.desktop = 'connected';
    document.body.dataset.geometry = `${current.width}x${current.height}`;
    mine.focus();
  });
  mine.addEventListener('disconnect', () => disconnected(mine, ready.id, vmId));
  mine.addEventListener('clipboard', (e) => {
    $('clipboard').value = e.detail.text;
    if (navigator.clipboard && document.hasFocus()) {
      navigator.clipboard.writeText(e.detail.text).catch(() => {});
    }
  });
}

async function disconnected(which, id, vmId) {
  if (which !== rfb) {
    return;
  }
  rfb = null;
  const why = closing;
  closing = null;
  if (why === 'resize') {
    reconnect(vmId, 'New window size');
    return;
  }
  let reason = null;
  try {
    reason = (await call('GET', `connections/${id}`)).data.reason;
  } catch (e) {
    // the network is gone: that is what reconnecting is for
  }
  if (why === 'leave' || (reason && reason.includes('taken over'))) {
    showEnded(reason || 'the connection ended');
    return;
  }
  reconnect(vmId, 'Connection lost');
}

function showEnded(reason) {
  document.body.dataset.desktop = 'disconnected';
  $('progress-title').textContent = 'Disconnected';
  $('connect-error').textContent = reason;
  show('progress-view');
}

let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (!rfb || document.body.dataset.desktop !== 'connected') {
      return;
    }
    const size = geometry();
    if (Math.abs(size.w - current.width) >= 32 || Math.abs(size.h - current.height) >= 32) {
      closing = 'resize';
      rfb.disconnect();
    }
  }, 800);
});

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('login-error').textContent = '';
  const { status, data } = await call('POST', 'login', { login: $('login').value, password: $('password').value });
  $('password').value = '';
  if (status !== 200) {
    $('login-error').textContent = data.detail || `refused (${status})`;
    return;
  }
  listVms();
});
$('logout').addEventListener('click', async () => { await call('POST', 'logout'); show('login-view'); });
$('back').addEventListener('click', () => listVms());
$('disconnect').addEventListener('click', () => {
  if (rfb) {
    closing = 'leave';
    rfb.disconnect();
  }
});
// the status bar's clipboard field: what is typed or pasted there becomes the desktop's clipboard and selection
$('clipboard').addEventListener('input', () => { if (rfb) { rfb.clipboardPasteFrom($('clipboard').value); } });
// for tests: the connection in use (its spent ticket) and the clipboard's last text
window.qvdDesktop = {
  sendText: (text) => { if (rfb) { rfb.clipboardPasteFrom(text); } },
  current: () => current,
};
initLayouts();
listVms();
