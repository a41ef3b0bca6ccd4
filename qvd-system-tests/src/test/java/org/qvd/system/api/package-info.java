/** System tests of the REST and SOAP APIs, the metrics and the qvd-admin CLI against the running system. */
package org.qvd.system.api;
