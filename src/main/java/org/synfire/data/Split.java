package org.synfire.data;

/** Which part of a dataset. */
public enum Split {
    TRAIN("train"), TEST("t10k");

    /** The IDX file-name prefix of this split. */
    public final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }
}
