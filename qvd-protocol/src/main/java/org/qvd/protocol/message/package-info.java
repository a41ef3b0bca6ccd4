/** Envelope, JSON codec, destinations and refusals for the JMS messages between the VMAS and the HKDs. */
package org.qvd.protocol.message;
