package report.dsl.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/** A face with TrueType outlines (仿宋, 宋体, AR PL UMing…), cut down to a document's characters by fontbox. */
final class TrueTypeFace implements CjkFace {

	private final TrueTypeFont font;
	private final CmapLookup cmap;
	private final String name;
	/** The file's reader, which the faces of one collection share and fontbox does not guard. */
	private final Object file;

	TrueTypeFace(TrueTypeFont font, Object file) throws IOException {
		this.font = font;
		this.cmap = font.getUnicodeCmapLookup();
		this.name = font.getName();
		this.file = file;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public boolean draws(int codePoint) {
		return cmap.getGlyphId(codePoint) != 0;
	}

	@Override
	public byte[] trueType(Set<Integer> codePoints) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		synchronized (file) {
			try {
				TTFSubsetter subset = new TTFSubsetter(font);
				codePoints.stream().filter(this::draws).forEach(subset::add);
				subset.writeToStream(out);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out.toByteArray();
	}
}
