/** WAT screens for accounts: users, tenants, administrators, roles and their ACLs. */
package org.qvd.wat.account.boundary;
