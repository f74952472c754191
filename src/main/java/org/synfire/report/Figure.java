package org.synfire.report;

/** A picture of a fixed size in pixels that paints itself on a {@link Canvas}. */
interface Figure {
    int width();

    int height();

    void paint(Canvas c);
}
