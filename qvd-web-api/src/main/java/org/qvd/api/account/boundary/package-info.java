/** REST boundary of tenants, users, administrators and roles (services in qvd-ejb's package of the same name). */
package org.qvd.api.account.boundary;
