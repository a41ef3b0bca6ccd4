// The browser desktop: log in, list one's VMs, connect (progress as the NX client gets it), then noVNC (@novnc/novnc
// from npm, served from ./novnc/) over wss://<this server>/desktop/vnc with the connection's single-use ticket.
import RFB from './novnc/core/rfb.js';

const $ = (id) => document.getElementById(id);
const views = ['login-view', 'vms-view', 'progress-view', 'desktop-view'];
let rfb = null;
let current = null;

function show(view) {
  views.forEach((v) => { $(v).hidden = v !== view; });
}

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

async function connect(vmId) {
  $('progress').replaceChildren();
  $('connect-error').textContent = '';
  $('progress-title').textContent = 'Connecting';
  show('progress-view');
  const geometry = `${Math.max(640, window.innerWidth)}x${Math.max(480, window.innerHeight - 24)}`;
  const { status, data } = await call('POST', `vms/${vmId}/connect?geometry=${geometry}`);
  if (status !== 202) {
    $('connect-error').textContent = data.detail || `refused (${status})`;
    return;
  }
  follow(data.id, vmId);
}

async function follow(id, vmId) {
  let shown = 0;
  for (;;) {
    const { status, data } = await call('GET', `connections/${id}`);
    if (status !== 200) {
      $('connect-error').textContent = data.detail || `lost (${status})`;
      return;
    }
    data.progress.slice(shown).forEach((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      $('progress').append(item);
    });
    shown = data.progress.length;
    if (data.phase === 'ready') {
      openDesktop(id, data.ticket, vmId);
      return;
    }
    if (data.phase === 'ended') {
      $('connect-error').textContent = data.reason;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function openDesktop(id, ticket, vmId) {
  show('desktop-view');
  $('desktop-status').textContent = 'Connecting to the desktop...';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const base = location.pathname.replace(/[^/]*$/, '');
  const url = `${scheme}//${location.host}${base}vnc?c=${encodeURIComponent(id)}&t=${encodeURIComponent(ticket)}`;
  current = { id, vmId, ticket }; // single-use: worthless once the WebSocket has it (the tests replay it)
  rfb = new RFB($('screen'), url, { wsProtocols: ['binary'] });
  rfb.scaleViewport = true;
  rfb.resizeSession = false;
  rfb.focusOnClick = true;
  rfb.addEventListener('connect', () => {
    $('desktop-status').textContent = 'Connected';
    document.body.dataset.desktop = 'connected';
    rfb.focus();
  });
  rfb.addEventListener('disconnect', () => ended(id));
  rfb.addEventListener('clipboard', (e) => { window.lastClipboard = e.detail.text; });
}

async function ended(id) {
  rfb = null;
  document.body.dataset.desktop = 'disconnected';
  const { data } = await call('GET', `connections/${id}`);
  const reason = (data && data.reason) || 'the connection ended';
  $('progress-title').textContent = 'Disconnected';
  $('connect-error').textContent = reason;
  show('progress-view');
}

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
$('disconnect').addEventListener('click', () => { if (rfb) { rfb.disconnect(); } });
// expose for tests and for pasting text into the desktop's clipboard
window.qvdDesktop = {
  sendText: (text) => { if (rfb) { rfb.clipboardPasteFrom(text); } },
  current: () => current,
};
listVms();
