package org.aduan.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import org.aduan.events.Attachment;
import org.aduan.intake.Rows;

/** What a photo that went in with GPS EXIF must look like once stored. */
public final class StoredPhotoAssert {

    private StoredPhotoAssert() {
    }

    public static byte[] assertStrippedJpeg(Attachment attachment, int width, int height) {
        byte[] stored = Rows.attachment(attachment.attachmentId());
        assertThat(attachment.mediaType()).isEqualTo("image/jpeg");
        assertThat(attachment.sizeBytes()).isEqualTo(stored.length);
        try {
            assertThat(attachment.sha256()).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
            assertThat(decoded.getWidth()).isEqualTo(width);
            assertThat(decoded.getHeight()).isEqualTo(height);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertThat(Photos.contains(stored, "Exif")).isFalse();
        assertThat(Photos.contains(stored, Photos.GPS_LATITUDE)).isFalse();
        assertThat(Photos.contains(stored, Photos.CAMERA)).isFalse();
        return stored;
    }
}
