/** The desktop in a web browser (issue 18, docs/browser.md): a real Chromium on /desktop/ against a container desktop. */
package org.qvd.guest.browser;
