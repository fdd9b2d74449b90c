package com.breachnotice.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.cli.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoReportTest {

    @Test
    void json_hasTheDocumentedShapeInOrder() {
        DemoFlow.Report report = new DemoFlow.Report(
                2000, 1970, 30, 1965, 2104, 2100, 4, 0, 1830, 270, 41.26, true, "loaded", Optional.empty());

        assertThat(Json.line(report.json()))
                .isEqualTo("{\"customers\":2000,\"accepted\":1970,\"rejected\":30,\"subjects\":1965,"
                        + "\"deliveries\":{\"planned\":2104,\"sent\":2100,\"failed\":4,\"pending\":0},"
                        + "\"emails_recorded\":1830,\"sms_recorded\":270,\"seconds\":41.3,"
                        + "\"sms_deliveries\":0,\"campaigns\":[]}");
    }

    @Test
    void sampleContact_onlyReservedDomains() {
        assertThat(SampleContact.reserved("minjun.kim.1@example.com")).isTrue();
        assertThat(SampleContact.reserved("a@xn--vv4b11d.xn--9t4b11yi5a")).isTrue();
        assertThat(SampleContact.reserved("a@shop.test")).isTrue();
        assertThat(SampleContact.reserved("someone@gmail.com")).isFalse();
        assertThat(SampleContact.reserved("someone@example.com.evil.kr")).isFalse();
    }
}
