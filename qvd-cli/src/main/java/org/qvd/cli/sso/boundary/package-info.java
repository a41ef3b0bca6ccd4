/** {@code qvd-admin sso}: administrators' single sign-on (the provider's claims mapped to tenants and roles). */
package org.qvd.cli.sso.boundary;
