/** What a container desktop is made of on the host: its paths and its LXC settings. */
package org.qvd.hkd.container.entity;
