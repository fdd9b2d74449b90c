package com.breachnotice.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.intake.ManifestUpload;
import com.breachnotice.queue.LogCorrelation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3 told us a manifest arrived: cut it into byte ranges (one streaming read of the object) and hand
 * them to the intake workers, or refuse it when its header makes it unusable.
 */
public final class ManifestUploadedHandler implements RequestHandler<S3Event, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestUploadedHandler.class);

    private final IntakeService intake;

    public ManifestUploadedHandler() {
        this(IntakeWiring.intakeService(FunctionEnvironment.ofProcess()));
    }

    public ManifestUploadedHandler(Map<String, String> environment) {
        this(IntakeWiring.intakeService(new FunctionEnvironment(environment)));
    }

    ManifestUploadedHandler(IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        try (LogCorrelation ids = LogCorrelation.ofRequest(context)) {
            for (S3EventNotificationRecord record : event.getRecords()) {
                accept(record);
            }
        }
        return null;
    }

    private void accept(S3EventNotificationRecord record) {
        if (!record.getEventName().startsWith("ObjectCreated")) {
            return;
        }
        var object = record.getS3().getObject();
        // S3 notifications carry keys URL-encoded, with '+' for spaces.
        String key = URLDecoder.decode(object.getKey(), StandardCharsets.UTF_8);
        if (!key.startsWith("manifests/")) {
            return;
        }
        try (LogCorrelation ids = LogCorrelation.of(LogCorrelation.OBJECT_KEY, key)) {
            Long size = object.getSizeAsLong();
            String etag = object.geteTag();
            ManifestUpload upload = new ManifestUpload(
                    record.getS3().getBucket().getName(), key, size == null ? 0 : size, etag == null ? "" : etag);
            ids.and(LogCorrelation.MANIFEST_ID, upload.manifestId());
            IntakeService.Acceptance acceptance;
            try {
                acceptance = intake.accept(upload);
            } catch (IOException e) {
                // Lambda retries a failed asynchronous S3 invocation; the split is a read, so a retry is safe.
                throw new UncheckedIOException("the manifest could not be read", e);
            }
            switch (acceptance) {
                case IntakeService.Acceptance.Split split ->
                    LOG.info(
                            "manifest accepted: id={} bytes={} ranges={}",
                            upload.manifestId(),
                            upload.size(),
                            split.ranges());
                case IntakeService.Acceptance.Refused refused ->
                    LOG.warn("manifest refused: id={} reason={}", upload.manifestId(), refused.reason());
                case IntakeService.Acceptance.AlreadyLoaded loaded ->
                    LOG.info("manifest already loaded, not loaded again: id={}", upload.manifestId());
            }
        }
    }
}
