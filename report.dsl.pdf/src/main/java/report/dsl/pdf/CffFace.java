package report.dsl.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.cff.Type2CharString;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.OpenTypeFont;

/**
 * A face with CFF outlines (Noto CJK, Source Han), which PDFBox cannot embed: the glyphs a document uses are converted to
 * TrueType outlines ({@link TrueTypeGlyph}) and written as a small TrueType font. Each glyph is converted once a run.
 */
final class CffFace extends CjkFace {

	private final OpenTypeFont font;
	private final CFFFont cff;
	private final TrueTypeWriter.Source source;
	/** The file's reader and fontbox's charstring cache, which fontbox does not guard. */
	private final Object file;
	private final Map<Integer, TrueTypeGlyph> converted = new ConcurrentHashMap<>();

	CffFace(OpenTypeFont font, Object file) throws IOException {
		super(font);
		this.font = font;
		this.cff = font.getCFF().getFont();
		this.file = file;
		HorizontalHeaderTable hhea = font.getHorizontalHeader();
		var tables = font.getTableMap();
		source = new TrueTypeWriter.Source(font.getUnitsPerEm(), font.getHeader().getFontRevision(),
				font.getHeader().getMacStyle(), hhea.getAscender(), hhea.getDescender(), hhea.getLineGap(),
				font.getTableBytes(tables.get("OS/2")), font.getTableBytes(tables.get("name")),
				font.getTableBytes(tables.get("post")));
	}

	/** The new font's glyphs in the order of the code points that first use them, after .notdef. */
	@Override
	byte[] trueType(Set<Integer> codePoints) {
		List<TrueTypeGlyph> glyphs = new ArrayList<>(List.of(glyph(0)));
		Map<Integer, Integer> newIds = new TreeMap<>();
		SortedMap<Integer, Integer> newCmap = new TreeMap<>();
		for (int codePoint : codePoints.stream().sorted().toList()) {
			int gid = glyphId(codePoint);
			if (gid != 0) {
				newCmap.put(codePoint, newIds.computeIfAbsent(gid, g -> {
					glyphs.add(glyph(g));
					return glyphs.size() - 1;
				}));
			}
		}
		return TrueTypeWriter.write(source, glyphs, newCmap);
	}

	private TrueTypeGlyph glyph(int gid) {
		TrueTypeGlyph glyph = converted.get(gid);
		if (glyph == null) {
			synchronized (file) {
				try {
					Type2CharString charString = cff instanceof CFFCIDFont cid
							? cid.getType2CharString(cid.getCharset().getCIDForGID(gid))
							: cff.getType2CharString(gid);
					glyph = TrueTypeGlyph.of(charString.getPath(), font.getAdvanceWidth(gid));
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			converted.put(gid, glyph);
		}
		return glyph;
	}
}
