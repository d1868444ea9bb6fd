package report.dsl.pdf;

import java.util.Set;

/**
 * A Chinese face a PDF embeds, opened once a run and shared by every document and thread: each document gets a small
 * TrueType font of just the characters it prints, which PDFBox embeds (and subsets once more).
 */
interface CjkFace {

	/** The face's PostScript name, as the PDF names the embedded font. */
	String name();

	boolean draws(int codePoint);

	/** A TrueType font file with the face's glyphs for those of {@code codePoints} it draws. */
	byte[] trueType(Set<Integer> codePoints);
}
