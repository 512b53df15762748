package org.aduan.events;

/**
 * A point the citizen chose to share (a WhatsApp or Telegram location message, a map pin on the
 * web). Never taken from a photo's EXIF: photos are stored with their metadata stripped.
 *
 * @param latitude  WGS 84 degrees, -90..90
 * @param longitude WGS 84 degrees, -180..180
 */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a point on Earth: " + latitude + "," + longitude);
        }
    }
}
