/** Cross-cutting VMAS code that is none of its sub-packages': server configuration, schema start-up, secrets at rest and enum columns. Sub-packages: guard, audit, error, list, text. */
package org.qvd.vmas.platform;
