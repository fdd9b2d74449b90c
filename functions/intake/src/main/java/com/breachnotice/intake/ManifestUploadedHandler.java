package com.breachnotice.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.breachnotice.aws.config.FunctionEnvironment;
import com.breachnotice.core.intake.IntakeService;
import com.breachnotice.core.intake.ManifestUpload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** S3 told us a manifest arrived: record it and hand it to the intake workers. */
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
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (!record.getEventName().startsWith("ObjectCreated")) {
                continue;
            }
            var object = record.getS3().getObject();
            // S3 notifications carry keys URL-encoded, with '+' for spaces.
            String key = URLDecoder.decode(object.getKey(), StandardCharsets.UTF_8);
            if (!key.startsWith("manifests/")) {
                continue;
            }
            Long size = object.getSizeAsLong();
            String etag = object.geteTag();
            ManifestUpload upload = new ManifestUpload(
                    record.getS3().getBucket().getName(), key, size == null ? 0 : size, etag == null ? "" : etag);
            intake.accept(upload);
            LOG.info("manifest accepted: id={} bytes={}", upload.manifestId(), upload.size());
        }
        return null;
    }
}
