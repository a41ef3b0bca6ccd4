/** JMS commands and events about one VM (ARCHITECTURE §6). */
package org.qvd.protocol.vm;
