package org.aduan.intake.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the bytes a citizen sent into a photo fit to store: JPEG or PNG as sniffed from the bytes
 * (never from a file name or a declared type), within the size limit, decodable (a non-image with an
 * image header is refused), and with every metadata segment removed (EXIF and its GPS position, XMP,
 * ICC, comments, PNG text and time chunks). Pixel data are copied untouched, so the photo looks the same.
 */
@ApplicationScoped
public class ImageSanitizer {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** PNG chunks that carry metadata: EXIF, text of any kind, modification time. */
    private static final Set<String> PNG_METADATA = Set.of("eXIf", "tEXt", "zTXt", "iTXt", "tIME");
    /** A decompression bomb (a small file that decodes to gigabytes) is refused before decoding. */
    private static final long MAX_PIXELS = 50_000_000L;

    private final long maxBytes;

    public ImageSanitizer(@ConfigProperty(name = "aduan.attachments.max-bytes") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** @throws PhotoRejectedException with the reason code the citizen is told */
    public SanitizedImage sanitize(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new PhotoRejectedException(PhotoRejectedException.TOO_LARGE);
        }
        String mediaType = sniff(bytes);
        if (mediaType == null) {
            throw new PhotoRejectedException(PhotoRejectedException.UNSUPPORTED);
        }
        int[] size = decodedSize(bytes, mediaType);
        byte[] clean;
        try {
            clean = JPEG.equals(mediaType) ? stripJpeg(bytes) : stripPng(bytes);
        } catch (IllegalArgumentException e) {
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
        // What is stored must still be the same picture.
        int[] after = decodedSize(clean, mediaType);
        if (after[0] != size[0] || after[1] != size[1]) {
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
        return new SanitizedImage(mediaType, clean, size[0], size[1], sha256(clean));
    }

    /** {@code image/jpeg}, {@code image/png}, or null: by magic numbers only. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (b.length >= PNG_SIGNATURE.length) {
            for (int i = 0; i < PNG_SIGNATURE.length; i++) {
                if (b[i] != PNG_SIGNATURE[i]) {
                    return null;
                }
            }
            return PNG;
        }
        return null;
    }

    /** Width and height after a full decode by the reader of the sniffed format. */
    private static int[] decodedSize(byte[] bytes, String mediaType) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
            if (!readers.hasNext()) {
                throw new PhotoRejectedException(PhotoRejectedException.UNSUPPORTED);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new PhotoRejectedException(PhotoRejectedException.TOO_LARGE);
                }
                BufferedImage image = reader.read(0);
                return new int[] {image.getWidth(), image.getHeight()};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRejectedException rejected) {
                throw rejected;
            }
            throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
        }
    }

    /**
     * Copies a JPEG without its APP1..APP15 segments (EXIF, XMP, ICC, Adobe, ...) and COM segments. APP0
     * (JFIF), the image segments and the scans stay; whatever trails the end-of-image marker (some phones
     * append their own metadata there) is dropped.
     */
    static byte[] stripJpeg(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(0xff);
        out.write(0xd8);
        int i = 2;
        while (i < in.length) {
            if ((in[i] & 0xff) != 0xff) {
                throw new IllegalArgumentException("JPEG marker expected at " + i);
            }
            while (i < in.length && (in[i] & 0xff) == 0xff) {
                i++; // fill bytes
            }
            if (i >= in.length) {
                throw new IllegalArgumentException("truncated JPEG");
            }
            int marker = in[i++] & 0xff;
            if (marker == 0xd9) { // EOI
                out.write(0xff);
                out.write(marker);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { // TEM, RSTn: no length
                out.write(0xff);
                out.write(marker);
                continue;
            }
            if (i + 2 > in.length) {
                throw new IllegalArgumentException("truncated JPEG segment");
            }
            int length = ((in[i] & 0xff) << 8) | (in[i + 1] & 0xff);
            if (length < 2 || i + length > in.length) {
                throw new IllegalArgumentException("bad JPEG segment length");
            }
            boolean metadata = (marker >= 0xe1 && marker <= 0xef) || marker == 0xfe;
            if (!metadata) {
                out.write(0xff);
                out.write(marker);
                out.write(in, i, length);
            }
            i += length;
            if (marker == 0xda) {
                // Entropy-coded data: 0xFF is followed only by 0x00 (stuffing) or a restart marker in it;
                // any other marker ends the scan and is parsed as a segment (progressive JPEGs have several).
                int start = i;
                while (i + 1 < in.length && !((in[i] & 0xff) == 0xff && (in[i + 1] & 0xff) != 0x00
                        && !((in[i + 1] & 0xff) >= 0xd0 && (in[i + 1] & 0xff) <= 0xd7))) {
                    i++;
                }
                if (i + 1 >= in.length) {
                    throw new IllegalArgumentException("JPEG scan without end");
                }
                out.write(in, start, i - start);
            }
        }
        throw new IllegalArgumentException("JPEG without image data");
    }

    /** Copies a PNG without its eXIf, tEXt, zTXt, iTXt and tIME chunks. */
    static byte[] stripPng(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, PNG_SIGNATURE.length);
        int i = PNG_SIGNATURE.length;
        while (i + 12 <= in.length) {
            long length = ((long) (in[i] & 0xff) << 24) | ((in[i + 1] & 0xff) << 16) | ((in[i + 2] & 0xff) << 8)
                    | (in[i + 3] & 0xff);
            if (length > in.length - i - 12L) {
                throw new IllegalArgumentException("bad PNG chunk length");
            }
            String type = new String(in, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int total = 12 + (int) length;
            if (!PNG_METADATA.contains(type)) {
                out.write(in, i, total);
            }
            i += total;
            if ("IEND".equals(type)) {
                return out.toByteArray();
            }
        }
        throw new IllegalArgumentException("PNG without IEND");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
