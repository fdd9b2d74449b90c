package com.breachnotice.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.aws.TestStacks;
import com.breachnotice.core.sending.SendResult;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.RecordedSms;
import org.junit.jupiter.api.Test;

class SnsSmsSenderIT {

    @Test
    void send_publishesATransactionalSms() {
        LocalEmulator emulator = TestStacks.emulator();
        SnsSmsSender sender = new SnsSmsSender(TestStacks.clients().sns());
        String phone = "+8210" + (10_000_000 + (int) (Math.random() * 89_999_999));

        SendResult result = sender.send(phone, "Breach notice: your order history leaked. Ref ABCD-EFGH");

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        String messageId = ((SendResult.Accepted) result).messageId();
        assertThat(emulator.recordedSms())
                .contains(new RecordedSms(messageId, phone, "Breach notice: your order history leaked. Ref ABCD-EFGH"));
    }
}
