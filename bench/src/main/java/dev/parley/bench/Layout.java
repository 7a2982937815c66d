package dev.parley.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is where: connection {@code i} signs in as user {@code i % users}, sits in room {@code i % rooms}
 * and talks to server {@code i % urls}. Room {@code r} is created by the user of connection {@code r}
 * (its first connection); every other user with a connection in the room joins it.
 *
 * <p>With {@code --slice K/N} this process opens only the connections {@code i % N == K}, so several
 * processes can share one layout (one process may hold only so many sockets). When N divides the number
 * of rooms, every room lies wholly in one slice.
 */
final class Layout {

  private final int connections;
  private final int rooms;
  private final int users;
  private final List<URI> urls;
  private final String prefix;
  private final int slice;
  private final int slices;
  private final int[] mine;
  private final int[] receiversInSlice;

  Layout(int connections, int rooms, int users, List<URI> urls, String prefix, int slice, int slices) {
    this.connections = connections;
    this.rooms = rooms;
    this.users = users;
    this.urls = List.copyOf(urls);
    this.prefix = prefix;
    this.slice = slice;
    this.slices = slices;
    List<Integer> list = new ArrayList<>();
    this.receiversInSlice = new int[rooms];
    for (int i = slice; i < connections; i += slices) {
      list.add(i);
      receiversInSlice[roomOf(i)]++;
    }
    this.mine = list.stream().mapToInt(Integer::intValue).toArray();
  }

  Layout(int connections, int rooms, int users, List<URI> urls, String prefix) {
    this(connections, rooms, users, urls, prefix, 0, 1);
  }

  static Layout of(BenchOptions options) {
    return new Layout(options.connections(), options.rooms(), options.users(), options.urls(), options.prefix(),
        options.slice(), options.slices());
  }

  int connections() {
    return connections;
  }

  int rooms() {
    return rooms;
  }

  int users() {
    return users;
  }

  List<URI> urls() {
    return urls;
  }

  int slice() {
    return slice;
  }

  int slices() {
    return slices;
  }

  /** The connections this process opens, ascending. */
  int[] mine() {
    return mine.clone();
  }

  int myConnectionCount() {
    return mine.length;
  }

  int roomOf(int connection) {
    return connection % rooms;
  }

  int userOf(int connection) {
    return connection % users;
  }

  URI urlOf(int connection) {
    return urls.get(connection % urls.size());
  }

  /** The server a user's setup calls go to (round-robin as well). */
  URI urlOfUser(int user) {
    return urls.get(user % urls.size());
  }

  int creatorOf(int room) {
    return userOf(room);
  }

  /** Connections of this process in a room: a message reaches all of them but the sender's. */
  int receiversInSlice(int room) {
    return receiversInSlice[room];
  }

  /** The rooms this process's connections sit in. */
  List<Integer> myRooms() {
    Set<Integer> set = new TreeSet<>();
    for (int i : mine) {
      set.add(roomOf(i));
    }
    return List.copyOf(set);
  }

  /** The users this process signs in: those of its connections and the creators of its rooms. */
  List<Integer> myUsers() {
    Set<Integer> set = new TreeSet<>();
    for (int i : mine) {
      set.add(userOf(i));
      set.add(creatorOf(roomOf(i)));
    }
    return List.copyOf(set);
  }

  /** The memberships to add with a join: distinct (user, room) pairs of my connections, creators excluded. */
  List<Membership> joins() {
    Set<Long> seen = new HashSet<>();
    List<Membership> joins = new ArrayList<>();
    for (int i : mine) {
      int user = userOf(i);
      int room = roomOf(i);
      if (user != creatorOf(room) && seen.add(((long) user << 32) | room)) {
        joins.add(new Membership(user, room));
      }
    }
    return joins;
  }

  String email(int user) {
    return prefix + "-" + user + "@example.com";
  }

  String userName(int user) {
    return "Bench " + prefix + " " + user;
  }

  String roomName(int room) {
    return prefix + "-room-" + room;
  }

  /** {@code connections=2000 rooms=200 urls=1}, plus {@code slice=0/2} for one process of several. */
  String describe() {
    String s = "connections=" + myConnectionCount() + " rooms=" + myRooms().size() + " urls=" + urls.size();
    return slices > 1 ? s + " slice=" + slice + "/" + slices : s;
  }

  record Membership(int user, int room) {
  }
}
