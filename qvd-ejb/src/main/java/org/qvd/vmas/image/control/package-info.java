/** The image files behind DIs: the staging directory, the image storage every host reads, build metadata. */
package org.qvd.vmas.image.control;
