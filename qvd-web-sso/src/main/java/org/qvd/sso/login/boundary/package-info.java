/** Administrators' single sign-on through an OpenID Connect provider, handed over to the WAT and the REST API. */
package org.qvd.sso.login.boundary;
