/** Cross-cutting plumbing of the VMA: start-up, configuration, running commands without a shell. */
package org.qvd.vma.platform;
