/** Single sign-on for administrators: control. */
package org.qvd.vmas.identity.control;
