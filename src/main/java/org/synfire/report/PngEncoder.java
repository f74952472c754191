package org.synfire.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An RGB image as PNG, unfiltered, at deflate level 3: as small as ImageIO's files for these plots (antialiased text
 * and noisy weight images gain nothing from PNG's filters) in a fraction of its time, which matters because a run
 * writes its plots every epoch.
 */
final class PngEncoder {
    private PngEncoder() {}

    static byte[] encode(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        // the canvas is TYPE_INT_RGB: read its pixels in place
        int[] px = image.getType() == BufferedImage.TYPE_INT_RGB ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData()
                : image.getRGB(0, 0, w, h, null, 0, w);
        byte[] raw = new byte[h * (1 + 3 * w)];
        int k = 0;
        for (int y = 0; y < h; y++) {
            raw[k++] = 0; // filter type none
            for (int x = 0, o = y * w; x < w; x++) {
                int p = px[o + x];
                raw[k++] = (byte) (p >> 16);
                raw[k++] = (byte) (p >> 8);
                raw[k++] = (byte) p;
            }
        }
        Deflater d = new Deflater(3);
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 8 + 64);
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) z.write(buf, 0, d.deflate(buf));
        d.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream(z.size() + 64);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
