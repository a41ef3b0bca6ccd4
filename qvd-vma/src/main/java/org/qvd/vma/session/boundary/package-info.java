/** HTTP face of the VMA: GET /vma/<method> with JSON answers. */
package org.qvd.vma.session.boundary;
