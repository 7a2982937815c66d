package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The bench's push "browser" decrypts RFC 8291's own example (Appendix A), so its push delays are real. */
class PushReceiverTest {

  private static final Base64.Decoder B64 = Base64.getUrlDecoder();

  @Test
  void decryptsTheRfcsExample() throws Exception {
    PushReceiver.Browser browser = PushReceiver.Browser.of(
        B64.decode("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"),
        B64.decode("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
        B64.decode("BTBZMqHH6r4Tts7J_aSIgg"));
    byte[] body = B64.decode("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLo"
        + "cInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
    assertEquals("When I grow up, I want to be a watermelon",
        new String(browser.decrypt(Buffer.buffer(body)), StandardCharsets.UTF_8));
  }
}
