/** Starting the cluster as ./qvd cluster does, and the tests' clients of it. */
package org.qvd.cluster.platform;
