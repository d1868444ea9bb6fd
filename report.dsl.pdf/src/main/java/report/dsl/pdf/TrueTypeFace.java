package report.dsl.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;

/** A face with TrueType outlines (仿宋, 宋体, AR PL UMing…), cut down to a document's characters by fontbox. */
final class TrueTypeFace extends CjkFace {

	private final TrueTypeFont font;
	/** The file's reader, which the faces of one collection share and fontbox does not guard. */
	private final Object file;

	TrueTypeFace(TrueTypeFont font, Object file) throws IOException {
		super(font);
		this.font = font;
		this.file = file;
	}

	@Override
	byte[] trueType(Set<Integer> codePoints) {
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
