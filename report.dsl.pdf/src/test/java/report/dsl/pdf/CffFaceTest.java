package report.dsl.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Noto CJK's CFF glyphs converted to TrueType draw the same shapes: each character of a report's text, filled from its
 * CFF outline and from the converted font at one pixel to the font unit (1,000 to the em), differs only in pixels on the
 * CFF outline's edge, and keeps its advance width.
 */
class CffFaceTest {

	private static final String TEXT = "聊城经济技术开发区管理委员会2023年政府信息公开工作年度报告（一）总体情况「商业企业」申请人"
			+ "不予公开属于国家秘密，0123456789ABCabc%—";
	private static final int PIXELS = 1000;

	@ParameterizedTest
	@ValueSource(strings = { "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" })
	void convertedGlyphsFillTheSamePixelsAsTheCffOnes(String collection) throws IOException {
		Assumptions.assumeTrue(Files.isRegularFile(Path.of(collection)), "fonts-noto-cjk is not installed");
		CjkFace face = CjkFonts.find(Optional.of(Path.of(collection))).body();
		Set<Integer> codePoints = TEXT.codePoints().boxed().collect(Collectors.toSet());
		TrueTypeFont converted = new TTFParser().parse(new RandomAccessReadBuffer(face.trueType(codePoints)));
		CmapLookup convertedCmap = converted.getUnicodeCmapLookup();
		try (TrueTypeCollection fonts = new TrueTypeCollection(new File(collection))) {
			OpenTypeFont original = (OpenTypeFont) fonts.getFontByName(face.name());
			CFFCIDFont cff = (CFFCIDFont) original.getCFF().getFont();
			List<String> different = new ArrayList<>();
			for (int c : TEXT.codePoints().toArray()) {
				int gid = original.getUnicodeCmapLookup().getGlyphId(c);
				int newGid = convertedCmap.getGlyphId(c);
				assertTrue(newGid != 0, Character.toString(c));
				assertEquals(original.getAdvanceWidth(gid), converted.getAdvanceWidth(newGid), Character.toString(c));
				int[] cffInk = fill(cff.getType2CharString(cff.getCharset().getCIDForGID(gid)).getPath());
				int[] trueTypeInk = fill(converted.getGlyph().getGlyph(newGid).getPath());
				int offEdge = 0;
				for (int i = 0; i < cffInk.length; i++) {
					if (cffInk[i] != trueTypeInk[i] && !onEdge(cffInk, i)) {
						offEdge++;
					}
				}
				if (offEdge > 0) {
					different.add(Character.toString(c) + " " + offEdge);
				}
			}
			assertEquals(List.of(), different);
		}
	}

	/** Whether a pixel next to this one is filled otherwise: the pixel lies on the outline. */
	private static boolean onEdge(int[] ink, int i) {
		int x = i % PIXELS, y = i / PIXELS;
		for (int dy = -1; dy <= 1; dy++) {
			for (int dx = -1; dx <= 1; dx++) {
				int nx = x + dx, ny = y + dy;
				if (nx >= 0 && ny >= 0 && nx < PIXELS && ny < PIXELS && ink[ny * PIXELS + nx] != ink[i]) {
					return true;
				}
			}
		}
		return false;
	}

	/** The outline (1,000 units to the em, y up) filled on a grid of pixels, 1 where inked. */
	private static int[] fill(Shape outline) {
		BufferedImage image = new BufferedImage(PIXELS, PIXELS, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D g = image.createGraphics();
		AffineTransform toPixels = new AffineTransform(PIXELS / 1000.0, 0, 0, -PIXELS / 1000.0, 0, PIXELS * 0.88);
		g.fill(toPixels.createTransformedShape(outline));
		g.dispose();
		int[] ink = new int[PIXELS * PIXELS];
		var raster = image.getRaster();
		for (int i = 0; i < ink.length; i++) {
			ink[i] = raster.getSample(i % PIXELS, i / PIXELS, 0);
		}
		return ink;
	}
}
