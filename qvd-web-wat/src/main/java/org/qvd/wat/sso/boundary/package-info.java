/** The WAT's page of administrators' single sign-on: provider claims mapped to a tenant's roles. */
package org.qvd.wat.sso.boundary;
