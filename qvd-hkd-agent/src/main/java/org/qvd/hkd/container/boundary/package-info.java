/** What the agent offers of container desktops (issue 17): the kinds it runs and the container driver. */
package org.qvd.hkd.container.boundary;
