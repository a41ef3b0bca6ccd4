/** VNC views of the user's X session for the browser desktop and the WAT's View/Assist (docs/browser.md). */
package org.qvd.vma.vnc.control;
