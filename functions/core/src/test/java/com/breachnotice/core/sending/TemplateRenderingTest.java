package com.breachnotice.core.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRenderingTest {

    @Test
    void render_valuesUnescapedAndMissingValuesEmpty() {
        assertThat(TemplateRendering.render(
                        "Hi {{name}} <{{{nameHtml}}}>{{nope}}!", Map.of("name", "A&B", "nameHtml", "A&amp;B")))
                .isEqualTo("Hi A&B <A&amp;B>!");
    }

    @Test
    void render_ifElse_byTruthiness() {
        String template = "{{#if name}}Dear {{name}},{{else}}Dear customer,{{/if}}";

        assertThat(TemplateRendering.render(template, Map.of("name", "Kim"))).isEqualTo("Dear Kim,");
        assertThat(TemplateRendering.render(template, Map.of("name", ""))).isEqualTo("Dear customer,");
        assertThat(TemplateRendering.render(template, Map.of())).isEqualTo("Dear customer,");
    }

    @Test
    void render_eachOnItsOwnLines_blockLinesDropAsHandlebarsDoes() {
        String template = "Items:\n{{#each items}}\n- {{this}}\n{{/each}}\n\nEnd {{reference}}\n";

        assertThat(TemplateRendering.render(template, Map.of("items", List.of("Name", "Phone"), "reference", "R")))
                .isEqualTo("Items:\n- Name\n- Phone\n\nEnd R\n");
    }

    @Test
    void render_eachInline_keepsTheSurroundingText() {
        assertThat(TemplateRendering.render(
                        "<ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>", Map.of("items", List.of("a", "b"))))
                .isEqualTo("<ul><li>a</li><li>b</li></ul>");
    }

    @Test
    void render_indentedStandaloneBlock_dropsItsIndentation() {
        assertThat(TemplateRendering.render(
                        "<ul>\n  {{#each items}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>",
                        Map.of("items", List.of("a"))))
                .isEqualTo("<ul>\n  <li>a</li>\n</ul>");
    }

    @Test
    void render_unsupportedOrUnbalancedTags_refused() {
        assertThatThrownBy(() -> TemplateRendering.render("{{> partial}}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemplateRendering.render("{{#if a}}x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemplateRendering.render("x{{/each}}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
