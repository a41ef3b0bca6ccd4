/** Configuration service: values per tenant with global fallback and typed defaults. */
package org.qvd.vmas.config.boundary;
