/** The VMA's HTTP API (L7R/HKD to VMA, port 3030): parameter names, X states and JSON answer records. */
package org.qvd.protocol.vma;
