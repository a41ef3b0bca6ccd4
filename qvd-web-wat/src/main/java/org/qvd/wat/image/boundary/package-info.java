/** WAT screens for OS flavours and disk images (tags, default, import from staging or upload). */
package org.qvd.wat.image.boundary;
