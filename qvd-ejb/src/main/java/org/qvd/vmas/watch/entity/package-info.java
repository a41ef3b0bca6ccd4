/** The single-use View/Assist ticket. */
package org.qvd.vmas.watch.entity;
