/** Values of a session: the validated x_start request and the provisioned user. */
package org.qvd.vma.session.entity;
