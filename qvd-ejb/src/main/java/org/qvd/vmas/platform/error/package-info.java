/** The errors every service may raise: one unchecked base with a catalogued code and an HTTP-like status per kind. */
package org.qvd.vmas.platform.error;
