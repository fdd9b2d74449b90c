package com.breachnotice.core.campaign;

import com.breachnotice.core.manifest.ItemKind;
import com.breachnotice.core.manifest.NoticeLocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How each leaked item is named to a person, in their language. Every item, never "etc.". */
public final class ItemLabels {

    private ItemLabels() {}

    public static String label(ItemKind item, NoticeLocale locale) {
        return switch (locale) {
            case KO ->
                switch (item) {
                    case NAME -> "이름";
                    case EMAIL -> "이메일 주소";
                    case PHONE -> "전화번호";
                    case ADDRESS -> "주소";
                    case ADDRESS_BOOK -> "배송지 주소록(이름, 전화번호, 주소)";
                    case ENTRANCE_CODE -> "공동현관 출입번호";
                    case ORDER_HISTORY -> "주문 내역";
                };
            case EN ->
                switch (item) {
                    case NAME -> "Name";
                    case EMAIL -> "Email address";
                    case PHONE -> "Phone number";
                    case ADDRESS -> "Address";
                    case ADDRESS_BOOK -> "Delivery address book (names, phone numbers, addresses)";
                    case ENTRANCE_CODE -> "Building entrance code";
                    case ORDER_HISTORY -> "Order history";
                };
        };
    }

    /** Labels in the vocabulary's fixed order, so every notice lists items the same way. */
    public static List<String> labels(Set<ItemKind> items, NoticeLocale locale) {
        List<String> labels = new ArrayList<>();
        for (ItemKind item : ItemKind.values()) {
            if (items.contains(item)) {
                labels.add(label(item, locale));
            }
        }
        return labels;
    }
}
