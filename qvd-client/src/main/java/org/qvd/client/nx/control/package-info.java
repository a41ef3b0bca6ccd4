/** The local NX viewer: nxproxy -S started against the forwarded port. */
package org.qvd.client.nx.control;
