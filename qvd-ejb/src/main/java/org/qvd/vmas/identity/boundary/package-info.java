/** Single sign-on for administrators: boundary. */
package org.qvd.vmas.identity.boundary;
