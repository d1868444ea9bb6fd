package report.dsl.install.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * A client of the Equinox console on its telnet port (-console port): one command at a time, returning what
 * the command printed up to the next prompt.
 */
final class OsgiConsole implements AutoCloseable {

	private static final int IAC = 255;
	private static final int WILL = 251;
	private static final int SB = 250;
	private static final int SE = 240;
	private static final int TERMINAL_TYPE = 24;
	private static final int IS = 0;
	private static final int SEND = 1;
	private static final String TERMINAL_TYPE_REQUEST = latin1(IAC, SB, TERMINAL_TYPE, SEND, IAC, SE);
	/** Gogo's shell prompts with "g! " once logged in; the Equinox session sets "osgi> " before that */
	private static final List<String> PROMPTS = List.of("g! ", "osgi> ");
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

	private final Socket socket;
	private final InputStream in;
	private final OutputStream out;

	private OsgiConsole(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
		this.out = socket.getOutputStream();
		socket.setSoTimeout(250);
	}

	/** Connects once the console listens, which it does early in the framework's start. */
	static OsgiConsole connect(int port, Process eclipse, Duration timeout) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			try {
				OsgiConsole console = new OsgiConsole(new Socket(InetAddress.getLoopbackAddress(), port));
				console.negotiateTerminalType(deadline);
				return console;
			} catch (ConnectException notListeningYet) {
				if (!eclipse.isAlive()) {
					throw new IllegalStateException("Eclipse exited with " + eclipse.exitValue() + " before its console listened");
				}
				if (Instant.now().isAfter(deadline)) {
					throw notListeningYet;
				}
				Thread.sleep(500);
			}
		}
	}

	/*
	 * The console opens its shell session only after the client has told its terminal type (RFC 1091), and
	 * otherwise waits a minute for it.
	 */
	private void negotiateTerminalType(Instant deadline) throws IOException {
		send(latin1(IAC, WILL, TERMINAL_TYPE));
		read(deadline, received -> received.endsWith(TERMINAL_TYPE_REQUEST));
		send(latin1(IAC, SB, TERMINAL_TYPE, IS) + "VT100" + latin1(IAC, SE));
		read(deadline, OsgiConsole::endsWithPrompt);
	}

	/** What the command printed, without the echo of the command line and the prompt after it. */
	String run(String command) throws IOException {
		send(command + "\r\n");
		String received = read(Instant.now().plus(COMMAND_TIMEOUT), OsgiConsole::endsWithPrompt).replace("\r", "");
		String output = received.substring(received.indexOf('\n') + 1);
		for (String prompt : PROMPTS) {
			if (output.endsWith(prompt)) {
				return output.substring(0, output.length() - prompt.length()).strip();
			}
		}
		return output.strip();
	}

	private void send(String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	/** Reads until the text so far satisfies the condition, the console closes, or the deadline passes. */
	private String read(Instant deadline, Predicate<String> complete) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!complete.test(received.toString(StandardCharsets.ISO_8859_1))) {
			if (Instant.now().isAfter(deadline)) {
				throw new IOException("no answer from the OSGi console in time; it said: " + received.toString(StandardCharsets.UTF_8));
			}
			try {
				int count = in.read(buffer);
				if (count < 0) {
					break;
				}
				received.write(buffer, 0, count);
			} catch (SocketTimeoutException stillWaiting) {
				// look at the deadline again
			}
		}
		return received.toString(StandardCharsets.UTF_8);
	}

	private static boolean endsWithPrompt(String received) {
		return PROMPTS.stream().anyMatch(received::endsWith);
	}

	private static String latin1(int... bytes) {
		StringBuilder text = new StringBuilder();
		for (int b : bytes) {
			text.append((char) b);
		}
		return text.toString();
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
