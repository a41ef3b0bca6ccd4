/** A tenant's directory settings, its group-to-OSF mapping, and the users that came from it. */
package org.qvd.vmas.directory.entity;
