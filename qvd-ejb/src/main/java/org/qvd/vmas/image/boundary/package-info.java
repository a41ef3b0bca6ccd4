/** OSF and DI services (DI tags included). */
package org.qvd.vmas.image.boundary;
