/** The connector's decisions boundary (SessionBackend, implemented over the VMAS) and its own policies. */
package org.qvd.l7r.session.control;
