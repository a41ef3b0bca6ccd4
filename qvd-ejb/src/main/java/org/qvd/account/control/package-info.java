/** Password hashing, caller resolution and other account logic without a boundary. */
package org.qvd.account.control;
