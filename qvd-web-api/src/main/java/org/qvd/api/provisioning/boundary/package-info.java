/** SOAP (JAX-WS) provisioning of users and VMs for integrators; the same services and codes as REST. */
package org.qvd.api.provisioning.boundary;
