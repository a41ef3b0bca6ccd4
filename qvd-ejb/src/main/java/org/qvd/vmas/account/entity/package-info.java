/** Tenants, administrators, users, roles and ACLs as persistent, invariant-guarding entities. */
package org.qvd.vmas.account.entity;
