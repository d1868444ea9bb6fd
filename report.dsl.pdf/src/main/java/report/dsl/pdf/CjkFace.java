package report.dsl.pdf;

import java.io.IOException;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * A Chinese face a PDF embeds, opened once a run and shared by every document and thread: each document gets a small
 * TrueType font of just the characters it prints, which PDFBox embeds (and subsets once more).
 */
abstract class CjkFace {

	private final String name;
	private final CmapLookup cmap;

	CjkFace(TrueTypeFont font) throws IOException {
		this.name = font.getName();
		this.cmap = font.getUnicodeCmapLookup();
	}

	/** The face's PostScript name, as the PDF names the embedded font. */
	final String name() {
		return name;
	}

	final boolean draws(int codePoint) {
		return glyphId(codePoint) != 0;
	}

	/** The face's glyph for the character, 0 (.notdef) if it has none. */
	final int glyphId(int codePoint) {
		return cmap.getGlyphId(codePoint);
	}

	/** A TrueType font file with the face's glyphs for those of {@code codePoints} it draws. */
	abstract byte[] trueType(Set<Integer> codePoints);
}
