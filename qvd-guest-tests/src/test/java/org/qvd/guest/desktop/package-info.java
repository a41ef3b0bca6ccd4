/** Acceptance of a real desktop VM: admin start/stop, the user's desktop through the client, host loss. */
package org.qvd.guest.desktop;
