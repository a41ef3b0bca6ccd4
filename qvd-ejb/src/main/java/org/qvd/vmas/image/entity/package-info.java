/** OS flavours, disk images and their tags, with the tag rules. */
package org.qvd.vmas.image.entity;
