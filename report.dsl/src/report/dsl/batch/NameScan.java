package report.dsl.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.persistence.SerializableEObjectDescription;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.name.Named;

import report.dsl.parser.NestingLimitedParser;
import report.dsl.report.ReportPackage.Literals;
import report.dsl.scoping.BatchIndex;

/**
 * What a file exports to a batch's index (its report or report type, by name), read from the language's lexer instead
 * of a parse, which costs ten times as much and is done again when the file is checked. Only a file whose tokens leave
 * no doubt about what the parser makes of it is read so: one report or report type, opened by `报告 NAME` or
 * `报告类型 NAME` as the first tokens, and no other `报告` or `报告类型` anywhere, so that whatever the parser's
 * recovery does with a mistake in the body, the file holds that one element under that name; nothing the lexer
 * cannot read, no `目录` (a summary's folder is part of its entry), nesting within the parser's limit. Any other file
 * is answered with nothing, and the batch parses it.
 */
public class NameScan {

	@Inject
	@Named(LexerBindings.RUNTIME)
	private Provider<Lexer> lexers;

	@Inject
	private IValueConverterService values;

	@Inject
	private IQualifiedNameConverter names;

	private static final String REPORT = "报告";
	private static final String REPORT_TYPE = "报告类型";
	private static final String FOLDER = "目录";

	private final Map<String, Integer> types = new HashMap<>();

	@Inject
	void tokenTypes(ITokenDefProvider tokens) {
		tokens.getTokenDefMap().forEach((type, name) -> types.put(name, type));
	}

	/** The file's entry in the index, as its parse gives it, or nothing when only a parse can tell. */
	public Optional<IResourceDescription> scan(URI file, String text) {
		Lexer lexer = lexers.get();
		lexer.setCharStream(new ANTLRStringStream(text));
		int id = type("RULE_ID");
		int anyOther = type("RULE_ANY_OTHER");
		int ws = type("RULE_WS");
		int mlComment = type("RULE_ML_COMMENT");
		int slComment = type("RULE_SL_COMMENT");
		// keywords by their token types: every token that reads as a keyword is lexed as the keyword (an ID too)
		int report = keyword(REPORT);
		int reportType = keyword(REPORT_TYPE);
		int folder = keyword(FOLDER);
		int open = keyword("{");
		int close = keyword("}");
		EClass exported = null;
		String name = null;
		int significant = 0;
		int depth = 0;
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			int type = token.getType();
			if (type == ws || type == mlComment || type == slComment) {
				continue;
			}
			boolean opensElement = type == report || type == reportType;
			if (type == Token.INVALID_TOKEN_TYPE || type == anyOther || type == folder) {
				return Optional.empty();
			}
			if (significant == 0) {
				if (!opensElement) {
					return Optional.empty();
				}
				exported = type == report ? Literals.REPORT : Literals.REPORT_TYPE;
			} else if (significant == 1) {
				if (type != id) {
					return Optional.empty();
				}
				name = token.getText();
			} else if (opensElement || type == open && ++depth > NestingLimitedParser.MAX_NESTING) {
				return Optional.empty();
			} else if (type == close) {
				depth = Math.max(0, depth - 1);
			}
			significant++;
		}
		if (significant == 0) {
			return Optional.of(BatchIndex.linkable(file, List.of()));
		}
		if (name == null) {
			return Optional.empty();
		}
		SerializableEObjectDescription element = new SerializableEObjectDescription();
		try {
			element.setQualifiedName(names.toQualifiedName(String.valueOf(values.toValue(name, "ID", null))));
		} catch (ValueConverterException | IllegalArgumentException e) {
			return Optional.empty();
		}
		element.setEClass(exported);
		element.setEObjectURI(file.appendFragment(exported == Literals.REPORT ? "//@reports.0" : "//@types.0"));
		element.setUserData(new HashMap<>());
		return Optional.of(BatchIndex.linkable(file, List.of(element)));
	}

	private int keyword(String text) {
		return type("'" + text + "'");
	}

	private int type(String name) {
		Integer type = types.get(name);
		if (type == null) {
			throw new IllegalStateException("the lexer has no token " + name);
		}
		return type;
	}
}
