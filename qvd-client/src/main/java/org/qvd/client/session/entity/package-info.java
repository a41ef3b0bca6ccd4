/** Values of a client session: VMs as listed, connect settings, server responses. */
package org.qvd.client.session.entity;
