package dev.parley.bench.faults;

/** Reading the commands' option values: a bad one is a usage error (exit 2), said with the option's name. */
final class Args {

  private Args() {
  }

  static int positive(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // said below, with the option's name
    }
    throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
  }
}
