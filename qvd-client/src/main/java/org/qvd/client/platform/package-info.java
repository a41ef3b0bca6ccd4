/** Cross-cutting client code: exit statuses, the base exception and the user's terminal. */
package org.qvd.client.platform;
