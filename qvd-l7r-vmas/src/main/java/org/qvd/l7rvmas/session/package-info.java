/** The VMAS side of the L7R: {@link org.qvd.l7rvmas.session.L7rEndpointBean} implements the L7R resource adapter's inbound endpoint over the VMAS EJBs and the {@code qvd.notices} topic ({@link org.qvd.l7rvmas.session.VmasSessionBackend}). */
package org.qvd.l7rvmas.session;
