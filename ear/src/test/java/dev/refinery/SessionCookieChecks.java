package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The session cookie as a browser receives it from Payara Server: HttpOnly and SameSite=Strict
 * always, Secure when the console is served over HTTPS (the domain's own HTTPS listener, its
 * self-signed certificate trusted from the domain's key store and nothing else), not over plain
 * HTTP.
 */
final class SessionCookieChecks {

  private final Path domain;
  private final int portBase;

  SessionCookieChecks(Path domain, int portBase) {
    this.domain = domain;
    this.portBase = portBase;
  }

  void overHttp() throws Exception {
    HttpURLConnection http =
        (HttpURLConnection)
            URI.create("http://127.0.0.1:" + (portBase + 80) + "/login.xhtml")
                .toURL()
                .openConnection();
    String cookie = sessionCookie(http);
    assertThat(cookie)
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .doesNotContain("Secure");
  }

  void overHttps() throws Exception {
    HttpsURLConnection https =
        (HttpsURLConnection)
            URI.create("https://127.0.0.1:" + (portBase + 81) + "/login.xhtml")
                .toURL()
                .openConnection();
    https.setSSLSocketFactory(trustingTheDomainsCertificate().getSocketFactory());
    https.setHostnameVerifier(
        (host, session) -> "127.0.0.1".equals(host)); // the certificate names the machine
    String cookie = sessionCookie(https);
    assertThat(cookie)
        .contains("Secure", "HttpOnly")
        .containsIgnoringCase("SameSite=Strict"); // Payara writes "strict"
  }

  private static String sessionCookie(HttpURLConnection connection) throws Exception {
    try {
      assertThat(connection.getResponseCode()).isEqualTo(200);
      List<String> cookies = connection.getHeaderFields().getOrDefault("Set-Cookie", List.of());
      return cookies.stream()
          .filter(cookie -> cookie.startsWith("JSESSIONID="))
          .findFirst()
          .orElseThrow(
              () -> new AssertionError("no session cookie in " + connection.getHeaderFields()));
    } finally {
      connection.disconnect();
    }
  }

  /**
   * Trusts the certificate Payara made for this domain (key store password: Payara's default,
   * changeit).
   */
  private SSLContext trustingTheDomainsCertificate() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(domain.resolve("config/keystore.p12"))) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("s1as", keys.getCertificate("s1as"));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
