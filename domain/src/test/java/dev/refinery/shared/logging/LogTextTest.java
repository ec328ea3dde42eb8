package dev.refinery.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void aForgedSecondLineStaysOnTheFirst() {
    // given a username that tries to start a log line of its own
    String username = "eve\n2026-11-30 INFO 'admin' signed in to the console";
    // when it is escaped; then it is one line, the attempt visible
    assertThat(LogText.escaped(username))
        .isEqualTo("eve\\n2026-11-30 INFO 'admin' signed in to the console")
        .doesNotContain("\n");
  }

  @Test
  void everyControlCharacterAndLineSeparatorIsEscaped() {
    assertThat(LogText.escaped("a\rb\tc\u0000d\u001be\u2028f\u0085g"))
        .isEqualTo("a\\rb\\tc\\u0000d\\u001be\\u2028f\\u0085g");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    assertThat(LogText.escaped("Rita Müller – 請求書")).isEqualTo("Rita Müller – 請求書");
    assertThat(LogText.escaped(null)).isEqualTo("null");
  }
}
