// View/Assist in the WAT: noVNC (@novnc/novnc, served by the desktop application) on the relay with this page's
// single-use ticket. In view mode noVNC sends no input, and the VNC server in the VM drops any that comes anyway.
import RFB from '/desktop/novnc/core/rfb.js';

const screen = document.getElementById('watch-screen');
const status = document.getElementById('watch-status');
const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
const rfb = new RFB(screen, `${scheme}//${location.host}${screen.dataset.relay}`, { wsProtocols: ['binary'] });
rfb.viewOnly = screen.dataset.mode !== 'assist';
let connected = false;
if (screen.dataset.mode === 'assist') {
  // where the VMs ask the user first (vma.vnc.assist.confirm), the connect waits for their Yes (docs/browser.md)
  status.textContent = 'Connecting (asking the user to accept your assistance where required)...';
}
rfb.scaleViewport = true;
rfb.addEventListener('connect', () => {
  status.textContent = screen.dataset.mode === 'assist' ? 'Assisting: your keyboard and mouse reach the desktop'
    : 'Viewing (read-only)';
  document.body.dataset.watch = 'connected';
  connected = true;
});
rfb.addEventListener('disconnect', () => {
  status.textContent = connected || screen.dataset.mode !== 'assist' ? 'The view ended'
    : 'The user did not accept the assistance (or the desktop could not be reached)';
  document.body.dataset.watch = 'disconnected';
});
// the tests switch viewOnly off, as a hostile page could, to show that the VNC server itself refuses a viewer's input
window.qvdWatch = { rfb };
