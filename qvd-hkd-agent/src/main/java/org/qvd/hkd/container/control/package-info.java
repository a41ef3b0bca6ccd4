/** Container desktops (issue 17): LXC configuration, shared read-only bases, overlays, lxc-start/stop. */
package org.qvd.hkd.container.control;
