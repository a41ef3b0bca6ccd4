/** What a browser connection is: its progress, its ticket, how it ended. */
package org.qvd.desktop.session.entity;
