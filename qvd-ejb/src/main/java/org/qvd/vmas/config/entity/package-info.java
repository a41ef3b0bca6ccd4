/** Configuration values per tenant with a global fallback, and the typed key catalogue. */
package org.qvd.vmas.config.entity;
