/** Power and expiry requests from the platform (poweroff, expire). */
package org.qvd.vma.power.control;
