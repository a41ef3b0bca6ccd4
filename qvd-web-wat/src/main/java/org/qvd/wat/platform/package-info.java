/** Cross-cutting WAT code: the admin's session, feedback messages, lazy lists, request origin, error handling. */
package org.qvd.wat.platform;
