package org.aduan.intake.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Photos as phones make them: a JPEG with an EXIF APP1 segment carrying the camera make and a GPS
 * position (a TIFF structure built byte by byte after the EXIF 2.3 specification), an XMP packet and a
 * comment; a PNG with eXIf, tEXt and tIME chunks.
 */
public final class Photos {

    /** Bytes of the GPS latitude 6°54'30.12" as EXIF stores it (three big-endian rationals). */
    public static final byte[] GPS_LATITUDE = rationals(6, 1, 54, 1, 3012, 100);
    public static final String CAMERA = "AduanTestCam";
    public static final String COMMENT = "rumah-saya-di-jl-merdeka-17";

    private Photos() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(image(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(image(width, height), "png");
    }

    /** A JPEG with EXIF (make, GPS), XMP and a comment right after SOI, as a phone camera writes it. */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] plain = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithGps());
        segment(out, 0xe1, exif);
        segment(out, 0xe1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><exif:GPSLatitude>"
                + "6,54.502S</exif:GPSLatitude></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        segment(out, 0xfe, COMMENT.getBytes(StandardCharsets.US_ASCII));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with an eXIf chunk (GPS), a tEXt comment and a tIME chunk after IHDR. */
    public static byte[] pngWithMetadata(int width, int height) {
        byte[] plain = png(width, height);
        int afterIhdr = 8 + 8 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterIhdr);
        chunk(out, "eXIf", tiffWithGps());
        chunk(out, "tEXt", ("Comment\0" + COMMENT).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xea, 6, 9, 10, 30, 0});
        out.write(plain, afterIhdr, plain.length - afterIhdr);
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 with Make and a GPSInfo pointer; GPS IFD with latitude S and longitude E. */
    static byte[] tiffWithGps() {
        ByteBuffer b = ByteBuffer.allocate(154);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2); // IFD0 at 8
        b.putShort((short) 0x010f).putShort((short) 2).putInt(13).putInt(38); // Make, ASCII
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(52); // GPSInfo IFD pointer
        b.putInt(0);
        b.position(38);
        b.put((CAMERA + "\0").getBytes(StandardCharsets.US_ASCII));
        b.position(52);
        b.putShort((short) 4); // GPS IFD
        b.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'S', 0, 0, 0});
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(106);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(130);
        b.putInt(0);
        b.position(106);
        b.put(GPS_LATITUDE);
        b.put(rationals(107, 1, 36, 1, 4500, 100));
        return b.array();
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] rationals(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 90, 60));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(width / 4, height / 4, width / 2, height / 2); // a pothole
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xff);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(payload, 0, payload.length);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
