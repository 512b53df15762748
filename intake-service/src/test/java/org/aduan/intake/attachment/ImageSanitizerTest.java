package org.aduan.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageSanitizerTest {

    private final ImageSanitizer sanitizer = new ImageSanitizer(5 * 1024 * 1024);

    @Test
    void jpegWithGpsExifComesOutWithoutAnyMetadataAndTheSamePicture() throws Exception {
        byte[] original = Photos.jpegWithGps(320, 240);
        assertThat(Photos.contains(original, "Exif")).isTrue();
        assertThat(Photos.contains(original, Photos.GPS_LATITUDE)).isTrue();

        SanitizedImage clean = sanitizer.sanitize(original);

        assertThat(clean.mediaType()).isEqualTo("image/jpeg");
        assertThat(Photos.contains(clean.bytes(), "Exif")).isFalse();
        assertThat(Photos.contains(clean.bytes(), Photos.GPS_LATITUDE)).isFalse();
        assertThat(Photos.contains(clean.bytes(), Photos.CAMERA)).isFalse();
        assertThat(Photos.contains(clean.bytes(), "http://ns.adobe.com/xap")).isFalse();
        assertThat(Photos.contains(clean.bytes(), Photos.COMMENT)).isFalse();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(clean.bytes().length).isLessThan(original.length);
        // The pixels are the ones the citizen sent: the scan data is copied, not re-encoded.
        assertThat(clean.bytes()).isEqualTo(Photos.jpeg(320, 240));
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
        assertThat(decoded.getRGB(160, 120)).isEqualTo(before.getRGB(160, 120));
        assertThat(decoded.getRGB(5, 5)).isEqualTo(before.getRGB(5, 5));
    }

    @Test
    void pngWithExifTextAndTimeChunksComesOutWithoutThem() throws Exception {
        byte[] original = Photos.pngWithMetadata(64, 48);
        assertThat(ImageIO.read(new ByteArrayInputStream(original))).isNotNull();

        SanitizedImage clean = sanitizer.sanitize(original);

        assertThat(clean.mediaType()).isEqualTo("image/png");
        for (String chunk : new String[] {"eXIf", "tEXt", "tIME"}) {
            assertThat(Photos.contains(clean.bytes(), chunk)).as(chunk).isFalse();
        }
        assertThat(Photos.contains(clean.bytes(), Photos.GPS_LATITUDE)).isFalse();
        assertThat(Photos.contains(clean.bytes(), Photos.COMMENT)).isFalse();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(clean.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
    }

    @Test
    void typeIsSniffedFromTheBytesNotFromWhatTheSenderClaims() {
        assertThat(ImageSanitizer.sniff(Photos.png(8, 8))).isEqualTo("image/png");
        assertThat(ImageSanitizer.sniff(Photos.jpeg(8, 8))).isEqualTo("image/jpeg");
        assertThat(ImageSanitizer.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ImageSanitizer.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void aNonImageWithAnImageHeaderIsRefusedAsUnreadable() {
        byte[] fake = new byte[4096];
        fake[0] = (byte) 0xff;
        fake[1] = (byte) 0xd8;
        fake[2] = (byte) 0xff;
        fake[3] = (byte) 0xe0;
        assertThatThrownBy(() -> sanitizer.sanitize(fake)).isInstanceOf(PhotoRejectedException.class)
                .extracting(e -> ((PhotoRejectedException) e).reason()).isEqualTo("unreadable");
        byte[] truncated = java.util.Arrays.copyOf(Photos.png(64, 64), 60);
        assertThatThrownBy(() -> sanitizer.sanitize(truncated)).isInstanceOf(PhotoRejectedException.class)
                .extracting(e -> ((PhotoRejectedException) e).reason()).isEqualTo("unreadable");
    }

    @Test
    void otherFormatsAreUnsupportedAndLargeFilesTooLarge() {
        assertThatThrownBy(() -> sanitizer.sanitize("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .extracting(e -> ((PhotoRejectedException) e).reason()).isEqualTo("unsupported-media");
        ImageSanitizer small = new ImageSanitizer(1000);
        assertThatThrownBy(() -> small.sanitize(Photos.jpegWithGps(400, 300)))
                .extracting(e -> ((PhotoRejectedException) e).reason()).isEqualTo("too-large");
    }

    @Test
    void whatTrailsTheEndOfImageIsDropped() {
        byte[] jpeg = Photos.jpeg(32, 32);
        byte[] trailer = "SEFHsamsung-trailer-with-location".getBytes(StandardCharsets.US_ASCII);
        byte[] withTrailer = java.util.Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, withTrailer, jpeg.length, trailer.length);

        byte[] clean = sanitizer.sanitize(withTrailer).bytes();

        assertThat(Photos.contains(clean, "samsung-trailer")).isFalse();
        assertThat(clean[clean.length - 2] & 0xff).isEqualTo(0xff);
        assertThat(clean[clean.length - 1] & 0xff).isEqualTo(0xd9);
    }
}
