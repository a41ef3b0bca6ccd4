/**
 * MicroProfile readiness checks of this node ({@code 9990/health/ready}): the database, the broker and the L7R
 * listener. A load balancer stops sending clients and admins to a node that reports DOWN. Parts of the EAR that
 * the checks cannot see (the L7R's EJB module) report their state through {@link org.qvd.health.boundary.NodeParts}.
 */
package org.qvd.health.boundary;
