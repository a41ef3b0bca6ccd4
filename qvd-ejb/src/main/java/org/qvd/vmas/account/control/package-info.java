/** Password hashing, caller resolution and other account logic without a boundary. */
package org.qvd.vmas.account.control;
