/** Administrators' single sign-on (OpenID Connect): provider claims mapped to tenants and roles, one-time tickets. */
package org.qvd.vmas.identity;
