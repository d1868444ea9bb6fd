package report.dsl.ide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * The language server's commands ({@code workspace/executeCommand}). {@code report.import SOURCE FOLDER} (file URIs
 * or paths) imports a published report into FOLDER as {@code report import} does, asks the editor to open the file
 * written ({@code window/showDocument}) and answers {@code {"uri": …, "warnings": ["line:column: message", …]}}.
 */
public class ReportCommands implements IExecutableCommandService {

	public static final String IMPORT = "report.import";

	@Override
	public List<String> initialize() {
		return PublishedReportImport.provided().isPresent() ? List.of(IMPORT) : List.of();
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancelIndicator) {
		if (!IMPORT.equals(params.getCommand())) {
			throw invalid("未知的命令：" + params.getCommand());
		}
		List<Object> arguments = params.getArguments() == null ? List.of() : params.getArguments();
		if (arguments.size() != 2) {
			throw invalid("report.import 需要两个参数：已发布报告的文件和写入 .report 文件的目录");
		}
		Path source = path(arguments.get(0));
		Path folder = path(arguments.get(1));
		PublishedReportImport importer = PublishedReportImport.provided()
				.orElseThrow(() -> invalid("此语言服务器不含导入功能"));
		PublishedReportImport.Result result;
		try {
			result = importer.importInto(source, folder);
		} catch (IllegalArgumentException e) {
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, e.getMessage(), null));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String uri = result.written().toUri().toString();
		var window = access.getInitializeParams().getCapabilities().getWindow();
		if (window != null && window.getShowDocument() != null && window.getShowDocument().isSupport()) {
			ShowDocumentParams show = new ShowDocumentParams(uri);
			show.setTakeFocus(true);
			access.getLanguageClient().showDocument(show);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("uri", uri);
		answer.put("warnings", result.warnings());
		return answer;
	}

	/** An argument as a client sends it: a JSON string holding a file URI or a path. */
	private static Path path(Object argument) {
		String text = argument instanceof JsonPrimitive primitive && primitive.isString() ? primitive.getAsString()
				: argument instanceof String string ? string : null;
		if (text == null || text.isBlank()) {
			throw invalid("report.import 的参数应为文件的 URI 或路径，不能是" + (argument instanceof JsonElement ? argument : String.valueOf(argument)));
		}
		try {
			return text.startsWith("file:") ? Path.of(java.net.URI.create(text)) : Path.of(text);
		} catch (IllegalArgumentException e) { // a malformed URI, or an InvalidPathException
			throw invalid("「" + text + "」不是文件的 URI 或路径");
		}
	}

	private static ResponseErrorException invalid(String message) {
		return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
	}
}
