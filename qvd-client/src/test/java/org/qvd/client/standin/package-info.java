/** Stand-ins for the server side in tests: a small TLS L7R speaking the QVD protocol, and far-side NX peers. */
package org.qvd.client.standin;
