/** The browser desktop's HTTP and WebSocket surfaces: login, VM list, connect, the VNC relay. */
package org.qvd.desktop.session.boundary;
