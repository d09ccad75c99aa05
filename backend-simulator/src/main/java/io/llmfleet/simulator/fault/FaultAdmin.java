package io.llmfleet.simulator.fault;

import java.io.IOException;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import io.llmfleet.simulator.http.Exchanges;
import io.llmfleet.simulator.http.HttpError;
import io.llmfleet.simulator.http.Router;

/**
 * The {@code /admin/faults} endpoint every simulated server carries: {@code GET} lists
 * the faults with their counts, {@code POST} adds faults, {@code PUT} replaces them all
 * and {@code DELETE} clears them (dropping hanging requests). {@code POST} and
 * {@code PUT} take one fault object or {@code {"faults": [...]}} (see {@link FaultJson});
 * every method answers with the resulting list. Bad faults are a 400 in the server's own
 * error format, and nothing changes.
 */
public final class FaultAdmin {

	/** The path of the endpoint. */
	public static final String PATH = "/admin/faults";

	private FaultAdmin() {
	}

	/**
	 * Adds the endpoint to a server's routes.
	 * @param router the server's router
	 * @param faults the server's faults
	 */
	public static void register(Router router, SimulatorFaults faults) {
		router.route("GET", PATH, (exchange) -> reply(exchange, faults));
		router.route("POST", PATH, (exchange) -> {
			faults.add(read(exchange).toArray(Fault[]::new));
			reply(exchange, faults);
		});
		router.route("PUT", PATH, (exchange) -> {
			faults.set(read(exchange));
			reply(exchange, faults);
		});
		router.route("DELETE", PATH, (exchange) -> {
			faults.clear();
			reply(exchange, faults);
		});
	}

	private static List<Fault> read(HttpExchange exchange) throws IOException {
		try {
			return FaultJson.readAll(Exchanges.readObject(exchange, FaultJson.MAPPER));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw HttpError.badRequest(ex.getMessage());
		}
	}

	private static void reply(HttpExchange exchange, SimulatorFaults faults) throws IOException {
		Exchanges.sendJson(exchange, 200, FaultJson.MAPPER, FaultJson.listing(faults.list()));
	}

}
