package org.aduan.intake.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Downloads from providers' media APIs with a hard cap on the bytes read, so that a huge file is
 * refused without being held in memory. 4xx means the file is gone (the photo is refused as
 * unreadable); 5xx or no answer means try again later.
 */
@ApplicationScoped
public class MediaDownloader {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    public byte[] get(URI uri, Map<String, String> headers, long maxBytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new MediaUnavailableException("media download failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaUnavailableException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new MediaUnavailableException("media server answered " + status, null);
            }
            if (status != 200) {
                throw new PhotoRejectedException(PhotoRejectedException.UNREADABLE);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw new PhotoRejectedException(PhotoRejectedException.TOO_LARGE);
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new PhotoRejectedException(PhotoRejectedException.TOO_LARGE);
            }
            return bytes;
        } catch (IOException e) {
            throw new MediaUnavailableException("media download failed: " + e.getMessage(), e);
        }
    }
}
