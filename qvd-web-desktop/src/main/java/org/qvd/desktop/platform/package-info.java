/** Cross-cutting parts of the browser desktop: the JAX-RS application. */
package org.qvd.desktop.platform;
