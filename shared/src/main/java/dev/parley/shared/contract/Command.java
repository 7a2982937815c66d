package dev.parley.shared.contract;

/**
 * A request-reply command of the contract. It knows its {@link Route}: the address it is sent to, the name it goes
 * by there, and how its reply reads.
 *
 * @param <R> the reply
 */
public interface Command<R extends JsonBody> extends JsonBody {

  Route<?, R> route();
}
