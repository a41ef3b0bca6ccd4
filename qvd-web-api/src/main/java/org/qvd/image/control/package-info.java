/** The image storage that DI uploads are streamed to. */
package org.qvd.image.control;
