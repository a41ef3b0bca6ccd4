/** Attacks on the system as ./qvd run starts it: each performs the attack and asserts the refusal and that nothing changed. */
package org.qvd.system.security;
