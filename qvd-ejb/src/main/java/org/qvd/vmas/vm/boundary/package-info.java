/** VM services: admin CRUD and requests, and runtime transitions for system components. */
package org.qvd.vmas.vm.boundary;
