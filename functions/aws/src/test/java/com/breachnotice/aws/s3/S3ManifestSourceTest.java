package com.breachnotice.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3ManifestSourceTest {

    @Test
    void range_isInclusiveOfTheLastByte() {
        assertThat(S3ManifestSource.range(0, 1024)).isEqualTo("bytes=0-1023");
        assertThat(S3ManifestSource.range(5, 6)).isEqualTo("bytes=5-5");
    }
}
