/**
 * The L7R as a Jakarta Connectors resource adapter ({@code qvd-l7r.rar} in {@code qvd.ear}): the listener's event
 * loops and its backend calls run on the server's managed threads (the adapter's {@code WorkManager}), and every
 * decision goes to the inbound endpoint {@link org.qvd.l7r.adapter.L7rEndpoint}, which the VMAS implements with a
 * message-driven bean. The adapter knows no EJB and no CDI.
 */
package org.qvd.l7r.adapter;
