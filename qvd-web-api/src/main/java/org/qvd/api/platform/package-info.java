/** Cross-cutting parts of the web API: JAX-RS application, problem responses, paging, request origin, tokens. */
package org.qvd.api.platform;
