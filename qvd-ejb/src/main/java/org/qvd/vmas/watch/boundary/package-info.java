/** An administrator's View/Assist tickets for a running VM (issue 18): issued under vm.spy/vm.assist, redeemed once by the relay, audited with their duration. */
package org.qvd.vmas.watch.boundary;
