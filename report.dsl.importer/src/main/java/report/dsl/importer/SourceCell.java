package report.dsl.importer;

/** One cell of a published document as a reader found it, at its 1-based line and column in the source file. */
public record SourceCell(String text, int line, int column) {
}
