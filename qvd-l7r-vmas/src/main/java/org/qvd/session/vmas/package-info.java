/** The VMAS side of the L7R: {@link org.qvd.session.vmas.L7rEndpointBean} implements the L7R resource adapter's inbound endpoint over the VMAS EJBs and the {@code qvd.notices} topic ({@link org.qvd.session.vmas.VmasSessionBackend}). */
package org.qvd.session.vmas;
