/** Single sign-on for administrators: entity. */
package org.qvd.vmas.identity.entity;
