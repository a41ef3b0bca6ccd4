/** What the agent knows about a VM domain it holds. */
package org.qvd.hkd.vm.entity;
