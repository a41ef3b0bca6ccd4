package org.qvd.vmas.image.control;

/** An image file in the staging directory, with its build metadata when the image build wrote one. */
public record StagedImage(String file, long sizeBytes, BuildMetadata metadata) {}
