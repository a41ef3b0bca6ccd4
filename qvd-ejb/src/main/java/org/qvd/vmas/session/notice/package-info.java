/** Cluster-wide notices on the topic {@code qvd.notices}: VM state changes and connection takeovers, for every L7R node. */
package org.qvd.vmas.session.notice;
