package report.dsl.ide;

import java.util.List;

import org.eclipse.xtext.validation.Issue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonSyntaxException;

/**
 * What an LSP diagnostic carries for its quick fixes: the checker's issue data and the region of the document
 * that the issue marks, in the server's own offsets. Over the wire this is the diagnostic's {@code data}
 * ({@code {"values": ["B1", "1"], "offset": 1234, "length": 1}}), which clients hand back unchanged, while the
 * range they echo may have been converted (Neovim 0.7 sends byte columns).
 */
public record IssueData(List<String> values, int offset, int length) {

	private static final Gson GSON = new Gson();

	/** What a diagnostic of the checker's issue carries, or null for an issue without a region. */
	public static IssueData from(Issue issue) {
		if (issue.getOffset() == null || issue.getLength() == null) {
			return null;
		}
		return new IssueData(issue.getData() == null ? List.of() : List.of(issue.getData()), issue.getOffset(), issue.getLength());
	}

	/** The data of a diagnostic as this server published it, in-process or after a trip through the client. */
	public static IssueData of(Object data) {
		if (data instanceof IssueData issueData) {
			return issueData;
		}
		if (data instanceof JsonElement json && json.isJsonObject()) {
			try {
				IssueData parsed = GSON.fromJson(json, IssueData.class);
				return parsed.values() == null ? null : parsed;
			} catch (JsonSyntaxException | NumberFormatException e) {
				return null;
			}
		}
		return null;
	}
}
