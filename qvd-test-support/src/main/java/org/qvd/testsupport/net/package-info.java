/** A client's network as a test controls it (a TCP forwarder that can be cut or frozen). */
package org.qvd.testsupport.net;
