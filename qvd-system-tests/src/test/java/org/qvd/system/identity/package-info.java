/** System tier of enterprise identity: directory (LDAP) logins through the deployed L7R and REST. */
package org.qvd.system.identity;
