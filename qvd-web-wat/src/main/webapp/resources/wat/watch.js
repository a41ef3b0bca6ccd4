// View/Assist in the WAT: noVNC (@novnc/novnc, served by the desktop application) on the relay with this page's
// single-use ticket. In view mode noVNC sends no input, and the VNC server in the VM drops any that comes anyway.
import RFB from '/desktop/novnc/core/rfb.js';

const screen = document.getElementById('watch-screen');
const status = document.getElementById('watch-status');
const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
const rfb = new RFB(screen, `${scheme}//${location.host}${screen.dataset.relay}`, { wsProtocols: ['binary'] });
rfb.viewOnly = screen.dataset.mode !== 'assist';
rfb.scaleViewport = true;
rfb.addEventListener('connect', () => {
  status.textContent = screen.dataset.mode === 'assist' ? 'Assisting: your keyboard and mouse reach the desktop'
    : 'Viewing (read-only)';
  document.body.dataset.watch = 'connected';
});
rfb.addEventListener('disconnect', () => {
  status.textContent = 'The view ended';
  document.body.dataset.watch = 'disconnected';
});
// the tests switch viewOnly off, as a hostile page could, to show that the VNC server itself refuses a viewer's input
window.qvdWatch = { rfb };
