package report.dsl.importer;

/** Something the import could not take as printed, at a 1-based line and column of the source file. */
public record Note(int line, int column, String message) {
}
