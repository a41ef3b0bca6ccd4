/** Cross-cutting VMAS code: errors, paging, the caller, the permission and audit interceptors, schema start-up. */
package org.qvd.vmas.platform;
