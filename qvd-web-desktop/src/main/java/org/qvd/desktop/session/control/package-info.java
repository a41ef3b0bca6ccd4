/** A browser connection to a VM, as connect_to_vm does it, and its single-use tickets. */
package org.qvd.desktop.session.control;
