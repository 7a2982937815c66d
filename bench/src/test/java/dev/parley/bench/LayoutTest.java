package dev.parley.bench;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LayoutTest {

  private static final List<URI> ONE = List.of(URI.create("http://a"));

  @Test
  void withAsManyUsersAsConnectionsEveryoneButTheCreatorJoins() {
    Layout layout = new Layout(2000, 200, 2000, List.of(URI.create("http://a"), URI.create("http://b")), "p");

    assertEquals(1800, layout.joins().size());
    assertEquals(2000, layout.myUsers().size());
    assertEquals(10, layout.receiversInSlice(0));
    assertEquals(URI.create("http://b"), layout.urlOf(3));
  }

  @Test
  void usersAMultipleOfRoomsEachHaveOneRoom() {
    Layout layout = new Layout(20_000, 200, 2000, ONE, "p");

    assertEquals(1800, layout.joins().size());
    assertEquals(100, layout.receiversInSlice(199));
  }

  @Test
  void unevenRoomsHoldTheRemainder() {
    Layout layout = new Layout(10, 4, 10, ONE, "p");

    assertEquals(3, layout.receiversInSlice(0));
    assertEquals(3, layout.receiversInSlice(1));
    assertEquals(2, layout.receiversInSlice(2));
  }

  @Test
  void aSliceDividingTheRoomsHoldsWholeRooms() {
    Layout layout = new Layout(20_000, 200, 2000, ONE, "p", 1, 2);

    assertEquals(10_000, layout.myConnectionCount());
    assertEquals(100, layout.myRooms().size());
    assertEquals(1000, layout.myUsers().size());
    assertEquals(100, layout.receiversInSlice(1));
    assertEquals(0, layout.receiversInSlice(0));
    assertEquals("connections=10000 rooms=100 urls=1 slice=1/2", layout.describe());
  }
}
