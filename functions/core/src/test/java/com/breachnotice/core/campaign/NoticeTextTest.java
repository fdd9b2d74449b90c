package com.breachnotice.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breachnotice.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "자세한 내용은 http://example.com 에서",
                "자세한 내용은 HTTPS://example.com/notice 에서",
                "www.example.com 을 방문하세요",
                "example.co.kr/notice 에서 확인",
                "<a href=\"x\">여기</a>",
                "<A HREF='x'>here</A>",
                "href = x"
            })
    void constructor_linkInAnyPart_refused(String link) {
        NoticeText good = Fixtures.koText();

        assertThat(NoticeText.containsLink(link)).isTrue();
        assertThatThrownBy(() -> new NoticeText(link, good.text(), good.html(), good.sms()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeText(good.subject(), link, good.html(), good.sms()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeText(good.subject(), good.text(), "<p>" + link + "</p>", good.sms()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoticeText(good.subject(), good.text(), good.html(), link))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "고객님의 이름, 이메일 주소, 배송지 주소록이 유출되었습니다. 문의: 1588-0000",
                "주소창에 저희 홈페이지 주소 example.com 을 직접 입력하세요.",
                "문의 privacy@example.com, 참조번호 {reference}",
                "Type our address yourself. Items: {items}. Version 2.1"
            })
    void constructor_plainText_accepted(String text) {
        assertThat(NoticeText.containsLink(text)).isFalse();
        assertThat(new NoticeText("제목", text, "<p>" + text + "</p>", text).text())
                .isEqualTo(text);
    }

    @Test
    void constructor_blankPart_refused() {
        assertThatThrownBy(() -> new NoticeText("제목", "본문", "<p>본문</p>", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
