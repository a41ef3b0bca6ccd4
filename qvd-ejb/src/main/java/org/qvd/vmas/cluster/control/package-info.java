/** What the VMAS knows of its cluster (docs/cluster.md): the members of WildFly's JGroups group. */
package org.qvd.vmas.cluster.control;
