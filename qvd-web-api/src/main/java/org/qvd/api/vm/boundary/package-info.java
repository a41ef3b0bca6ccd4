/** REST and SOAP boundary of VMs (the services live in qvd-ejb's package of the same name). */
package org.qvd.api.vm.boundary;
