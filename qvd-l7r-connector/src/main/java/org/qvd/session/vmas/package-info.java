/** The real {@link org.qvd.session.control.SessionBackend}: the L7R joined to the VMAS EJBs and the {@code qvd.notices} topic. */
package org.qvd.session.vmas;
