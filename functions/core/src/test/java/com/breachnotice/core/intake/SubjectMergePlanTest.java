package com.breachnotice.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.breachnotice.core.contact.ContactKey;
import com.breachnotice.core.crypto.Sealed;
import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import com.breachnotice.core.manifest.RejectReason;
import com.breachnotice.core.manifest.Rejection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link SubjectMerge#plan}: the writes a chunk needs, decided without any table. */
class SubjectMergePlanTest {

    private static final ContactKey A = new ContactKey("E1" + "a".repeat(64));
    private static final ContactKey B = new ContactKey("E1" + "b".repeat(64));
    private static final ContactKey P = new ContactKey("P1" + "c".repeat(64));

    private static Registration row(long line, boolean repeat, String id, ContactKey email, Set<ItemKind> items) {
        Optional<Sealed> name = Optional.of(new Sealed("n-" + line, "k"));
        SubjectRecord subject =
                new SubjectRecord(id, items, NoticeLocale.EN, Optional.of(email), Optional.empty(), name, "m");
        ContactRecord contact =
                new ContactRecord(email, new Sealed("v", "k"), name, NoticeLocale.EN, items, id, false, false);
        return new Registration(line, repeat, subject, List.of(contact));
    }

    private static SubjectWrites.StoredSubject stored(ContactKey email, Set<ItemKind> items, OptionalLong line) {
        return new SubjectWrites.StoredSubject(items, Set.of("m"), Optional.of(email), Optional.empty(), true, line);
    }

    @Test
    void plan_absentSubject_createWithTheLowestLineAndTheUnionOfItsRows() {
        SubjectWrites plan = SubjectMerge.plan(
                "m",
                List.of(row(5, false, "c1", A, Set.of(ItemKind.NAME)), row(6, true, "c1", A, Set.of(ItemKind.EMAIL))),
                Map.of());

        assertThat(plan.subjects()).hasSize(1);
        SubjectWrites.SubjectWrite write = plan.subjects().get(0);
        assertThat(write).isInstanceOf(SubjectWrites.SubjectWrite.Create.class);
        assertThat(write.image().items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.EMAIL);
        assertThat(write.image().line()).hasValue(5);
        assertThat(write.image().locale()).isEqualTo(NoticeLocale.EN);
        assertThat(write.image().name()).contains(new Sealed("n-5", "k"));
        assertThat(plan.contacts()).hasSize(2);
        assertThat(plan.registered().mergedLines()).isEmpty();
    }

    @Test
    void plan_storedAlreadyHoldsEverything_noSubjectWrite() {
        SubjectWrites plan = SubjectMerge.plan(
                "m",
                List.of(row(5, false, "c1", A, Set.of(ItemKind.NAME))),
                Map.of("c1", stored(A, Set.of(ItemKind.NAME), OptionalLong.of(5))));

        assertThat(plan.subjects()).isEmpty();
        assertThat(plan.contacts()).hasSize(1);
    }

    @Test
    void plan_newItemsAndLowerLine_mergeThatLowersTheLine_andMergedLinesReported() {
        SubjectWrites plan = SubjectMerge.plan(
                "m",
                List.of(row(3, false, "c1", A, Set.of(ItemKind.PHONE))),
                Map.of("c1", stored(A, Set.of(ItemKind.NAME), OptionalLong.of(9))));

        SubjectWrites.SubjectWrite.Merge merge =
                (SubjectWrites.SubjectWrite.Merge) plan.subjects().get(0);
        assertThat(merge.lowersLine()).isTrue();
        assertThat(merge.image().items()).containsExactlyInAnyOrder(ItemKind.NAME, ItemKind.PHONE);
        assertThat(merge.image().name()).as("a stored name is kept").isEmpty();
        assertThat(plan.registered().mergedLines()).containsEntry("c1", Set.of(3L, 9L));
    }

    @Test
    void plan_higherLineNewItems_mergeWithoutLoweringTheLine() {
        SubjectWrites plan = SubjectMerge.plan(
                "m",
                List.of(row(30, false, "c1", A, Set.of(ItemKind.ORDER_HISTORY))),
                Map.of("c1", stored(A, Set.of(ItemKind.NAME), OptionalLong.empty())));

        SubjectWrites.SubjectWrite.Merge merge =
                (SubjectWrites.SubjectWrite.Merge) plan.subjects().get(0);
        assertThat(merge.lowersLine())
                .as("no line of this manifest yet: set it")
                .isTrue();
        SubjectWrites again = SubjectMerge.plan(
                "m",
                List.of(row(30, false, "c1", A, Set.of(ItemKind.ORDER_HISTORY))),
                Map.of("c1", stored(A, Set.of(ItemKind.NAME), OptionalLong.of(4))));
        assertThat(((SubjectWrites.SubjectWrite.Merge) again.subjects().get(0)).lowersLine())
                .isFalse();
    }

    @Test
    void plan_otherContactsAfterALowerLine_conflictAndNothingWritten() {
        SubjectWrites plan = SubjectMerge.plan(
                "m",
                List.of(row(8, false, "c1", B, Set.of(ItemKind.NAME))),
                Map.of("c1", stored(A, Set.of(ItemKind.NAME), OptionalLong.of(2))));

        assertThat(plan.subjects()).isEmpty();
        assertThat(plan.contacts()).isEmpty();
        assertThat(plan.registered().conflicting())
                .containsExactly(new Rejection(8, "c1", RejectReason.CONFLICTING_CONTACT));
    }

    @Test
    void plan_otherContactsBelowTheStoredLine_replaceAndTheLoserTakenOffItsContacts() {
        SubjectWrites plan = SubjectMerge.plan(
                "m",
                List.of(row(2, false, "c1", B, Set.of(ItemKind.EMAIL))),
                Map.of(
                        "c1",
                        new SubjectWrites.StoredSubject(
                                Set.of(ItemKind.NAME),
                                Set.of("other"),
                                Optional.of(A),
                                Optional.of(P),
                                false,
                                OptionalLong.of(40))));

        SubjectWrites.SubjectWrite.Replace replace =
                (SubjectWrites.SubjectWrite.Replace) plan.subjects().get(0);
        assertThat(replace.loser()).isEqualTo(40);
        assertThat(replace.image().email()).contains(B);
        assertThat(replace.image().phone()).isEmpty();
        assertThat(replace.image().items()).containsExactly(ItemKind.EMAIL);
        assertThat(replace.image().manifests()).containsExactlyInAnyOrder("m", "other");
        assertThat(plan.removals()).containsExactly(new SubjectWrites.OwnerRemoval("c1", Set.of(A, P)));
        assertThat(plan.registered().displaced())
                .containsExactly(new Rejection(40, "c1", RejectReason.CONFLICTING_CONTACT));
    }
}
