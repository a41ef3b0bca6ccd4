/** State enums shared by the VMAS, HKD, VMA and L7R (ARCHITECTURE §3). */
package org.qvd.protocol.state;
