/** Text from outside: names and free text checked before use, and text escaped before it reaches a log line. */
package org.qvd.vmas.platform.text;
