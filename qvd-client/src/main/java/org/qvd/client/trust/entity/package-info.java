/** Values of TLS trust: the server address and a certificate fingerprint. */
package org.qvd.client.trust.entity;
