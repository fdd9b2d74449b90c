package com.breachnotice.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Builds the {@link SQSEvent} Lambda's SQS event source mapping passes, from received SQS messages. */
final class SqsEvents {

    private SqsEvents() {}

    static SQSEvent toEvent(List<Message> batch, String queueArn, String region) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(batch.size());
        for (Message message : batch) {
            records.add(toRecord(message, queueArn, region));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    static SQSEvent.SQSMessage toRecord(Message message, String queueArn, String region) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, toAttribute(value)));
        record.setMessageAttributes(attributes);
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(region);
        return record;
    }

    private static SQSEvent.MessageAttribute toAttribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        SdkBytes binary = value.binaryValue();
        if (binary != null) {
            attribute.setBinaryValue(binary.asByteBuffer());
        }
        attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
        List<ByteBuffer> binaryList = new ArrayList<>();
        value.binaryListValues().forEach(bytes -> binaryList.add(bytes.asByteBuffer()));
        attribute.setBinaryListValues(binaryList);
        return attribute;
    }
}
