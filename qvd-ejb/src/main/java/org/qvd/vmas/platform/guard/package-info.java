/** Who is calling: the caller record and its lookup, and the interceptors that check ACLs and tenant scope on every service call. */
package org.qvd.vmas.platform.guard;
