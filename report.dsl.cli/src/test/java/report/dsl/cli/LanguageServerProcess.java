package report.dsl.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * `report lsp` as an editor runs it: a separate process spoken to over its standard streams, byte by byte. Every
 * byte it writes to standard output is checked to be part of a well-formed protocol message; anything else is kept
 * as {@link #garbage()}. Its standard error goes to a log file.
 */
final class LanguageServerProcess implements AutoCloseable {

	private static final Gson GSON = new Gson();

	private final Process process;
	private final OutputStream toServer;
	private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
	private final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();
	private final ByteArrayOutputStream garbage = new ByteArrayOutputStream();
	private int nextId = 1;

	private LanguageServerProcess(Process process) {
		this.process = process;
		this.toServer = process.getOutputStream();
		Thread reader = new Thread(this::read, "language-server-stdout");
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts the command line's `lsp` in a new JVM, with the given temporary directory and its log in {@code log}. */
	static LanguageServerProcess start(Path tmpdir, Path log) throws IOException {
		return new LanguageServerProcess(new ProcessBuilder(command("-Djava.io.tmpdir=" + tmpdir)).redirectError(log.toFile()).start());
	}

	/** The command that starts the server of this build, with these options for its JVM. */
	static List<String> command(String... jvmOptions) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReportCli.class.getName(), "lsp"));
		return command;
	}

	/** Sends a request and waits for its response message (with a result or an error). */
	JsonObject request(String method, Object params, Duration timeout) throws IOException, InterruptedException, TimeoutException {
		int id;
		CompletableFuture<JsonObject> response = new CompletableFuture<>();
		synchronized (this) {
			id = nextId++;
			pending.put(id, response);
		}
		JsonObject message = message(method, params);
		message.addProperty("id", id);
		send(message);
		try {
			return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		} finally {
			pending.remove(id);
		}
	}

	void notify(String method, Object params) throws IOException {
		send(message(method, params));
	}

	/** The next notification (or request) of this method from the server, skipping others. */
	JsonObject awaitNotification(String method, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		for (JsonObject next; (next = notifications.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null;) {
			if (method.equals(next.get("method").getAsString())) {
				return next;
			}
		}
		return null;
	}

	/** The notifications received so far and not awaited, oldest first. */
	List<JsonObject> drainNotifications() {
		List<JsonObject> drained = new ArrayList<>();
		notifications.drainTo(drained);
		return drained;
	}

	/** Whatever the server wrote to standard output outside protocol messages. */
	String garbage() {
		synchronized (garbage) {
			return garbage.toString(StandardCharsets.UTF_8);
		}
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** Ends the session as an editor does: shutdown, then exit; returns the server's exit code. */
	int shutdownAndExit() throws IOException, InterruptedException, TimeoutException {
		request("shutdown", null, Duration.ofSeconds(30));
		notify("exit", null);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			throw new TimeoutException("the server did not end after exit");
		}
		return process.exitValue();
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}

	private static JsonObject message(String method, Object params) {
		JsonObject message = new JsonObject();
		message.addProperty("jsonrpc", "2.0");
		message.addProperty("method", method);
		message.add("params", params == null ? JsonNull.INSTANCE : params instanceof JsonElement json ? json : GSON.toJsonTree(params));
		return message;
	}

	private synchronized void send(JsonObject message) throws IOException {
		byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
		toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		toServer.write(body);
		toServer.flush();
	}

	private void read() {
		try (InputStream in = process.getInputStream()) {
			while (true) {
				Integer length = null;
				for (String header; !(header = line(in)).isEmpty();) {
					if (header.startsWith("Content-Length: ")) {
						length = Integer.valueOf(header.substring("Content-Length: ".length()).strip());
					} else if (!header.startsWith("Content-Type: ")) {
						keepGarbage(header + "\n");
					}
				}
				if (length == null) {
					continue;
				}
				String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
				try {
					dispatch(JsonParser.parseString(body).getAsJsonObject());
				} catch (RuntimeException e) {
					keepGarbage(body);
				}
			}
		} catch (IOException | NumberFormatException e) {
			// the stream ended with the process
		}
	}

	private void dispatch(JsonObject message) throws IOException {
		if (message.has("method") && message.has("id")) {
			JsonObject reply = new JsonObject(); // a request from the server (registrations, showDocument): accept it
			notifications.add(message); // and keep it, to be awaited as notifications are
			reply.addProperty("jsonrpc", "2.0");
			reply.add("id", message.get("id"));
			reply.add("result", JsonNull.INSTANCE);
			send(reply);
		} else if (message.has("method")) {
			notifications.add(message);
		} else {
			CompletableFuture<JsonObject> waiting = pending.get(message.get("id").getAsInt());
			if (waiting != null) {
				waiting.complete(message);
			}
		}
	}

	private void keepGarbage(String text) {
		synchronized (garbage) {
			garbage.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}
	}

	/** One header line without its CRLF; at the end of the stream an IOException. */
	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b; (b = in.read()) != '\n';) {
			if (b < 0) {
				throw new IOException("end of stream");
			}
			line.write(b);
		}
		String text = line.toString(StandardCharsets.UTF_8);
		return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
	}
}
