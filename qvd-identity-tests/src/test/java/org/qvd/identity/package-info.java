/** The identity tier: administrators logging in through a real OpenID Connect provider (Keycloak). */
package org.qvd.identity;
