package com.breachnotice.core.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactKey;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void of_countsBothOnlyEarlierAndOnlyNow_ignoringRepeats() {
        Reconciliation r = Reconciliation.of(new long[] {5, 1, 3, 3, 9}, new long[] {3, 4, 1, 8, 8, 2});

        assertThat(r).isEqualTo(new Reconciliation(2, 2, 3));
        assertThat(r.earlier()).isEqualTo(4);
        assertThat(r.leavesNobodyOut()).isFalse();
    }

    @Test
    void of_registryHoldsEveryoneEarlier_leavesNobodyOut() {
        Reconciliation r = Reconciliation.of(new long[] {-7, 2}, new long[] {2, -7, 11});

        assertThat(r).isEqualTo(new Reconciliation(2, 0, 1));
        assertThat(r.leavesNobodyOut()).isTrue();
    }

    @Test
    void of_empty_zeroes() {
        assertThat(Reconciliation.of(new long[0], new long[0])).isEqualTo(new Reconciliation(0, 0, 0));
    }

    @Test
    void fingerprint_isTheKeysFirst64Bits_signedAsTheyFall() {
        ContactKey key = new ContactKey("E1" + "f".repeat(16) + "0".repeat(48));
        ContactKey other = new ContactKey("P1" + "0".repeat(15) + "1" + "f".repeat(48));

        assertThat(AudienceScan.fingerprint(key)).isEqualTo(-1L);
        assertThat(AudienceScan.fingerprint(other)).isEqualTo(1L);
    }
}
