/** The cluster tier (issue 14, docs/cluster.md): failover of nodes under agents, clients and admins. */
package org.qvd.cluster;
