/** Paged, sorted, filtered lists: the page request, the page, and the query that counts only when it must. */
package org.qvd.vmas.platform.list;
