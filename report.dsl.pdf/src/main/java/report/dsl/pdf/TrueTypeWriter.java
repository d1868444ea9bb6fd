package report.dsl.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A TrueType font file made of given glyphs: the tables PDFBox and the PDF viewers read (head, hhea, maxp, hmtx, loca,
 * glyf, cmap), with OS/2, name and post taken over from the font the glyphs come from. Dates are left at zero so that the
 * same glyphs give the same bytes.
 */
final class TrueTypeWriter {

	/** The font's metrics and descriptive tables that carry over unchanged from the source font. */
	record Source(int unitsPerEm, float revision, int macStyle, int ascender, int descender, int lineGap, byte[] os2,
			byte[] name, byte[] post) {
	}

	private TrueTypeWriter() {
	}

	/**
	 * @param glyphs by new glyph id, .notdef first
	 * @param cmap   code point to new glyph id, ascending
	 */
	static byte[] write(Source source, List<TrueTypeGlyph> glyphs, SortedMap<Integer, Integer> cmap) {
		SortedMap<String, byte[]> tables = new TreeMap<>();
		ByteArrayOutputStream glyf = new ByteArrayOutputStream();
		int[] loca = new int[glyphs.size() + 1];
		int xMin = 0, yMin = 0, xMax = 0, yMax = 0, advanceMax = 0, minLsb = Integer.MAX_VALUE, minRsb = Integer.MAX_VALUE,
				maxExtent = 0, maxPoints = 0, maxContours = 0;
		ByteBuffer hmtx = ByteBuffer.allocate(4 * glyphs.size());
		for (int i = 0; i < glyphs.size(); i++) {
			TrueTypeGlyph g = glyphs.get(i);
			loca[i] = glyf.size();
			glyf.writeBytes(g.data);
			hmtx.putShort((short) g.advance).putShort((short) g.xMin);
			advanceMax = Math.max(advanceMax, g.advance);
			if (g.contours > 0) {
				xMin = Math.min(xMin, g.xMin);
				yMin = Math.min(yMin, g.yMin);
				xMax = Math.max(xMax, g.xMax);
				yMax = Math.max(yMax, g.yMax);
				minLsb = Math.min(minLsb, g.xMin);
				minRsb = Math.min(minRsb, g.advance - g.xMax);
				maxExtent = Math.max(maxExtent, g.xMax);
				maxPoints = Math.max(maxPoints, g.points);
				maxContours = Math.max(maxContours, g.contours);
			}
		}
		loca[glyphs.size()] = glyf.size();
		tables.put("glyf", glyf.toByteArray());
		ByteBuffer locaTable = ByteBuffer.allocate(4 * loca.length);
		for (int offset : loca) {
			locaTable.putInt(offset);
		}
		tables.put("loca", locaTable.array());
		tables.put("hmtx", hmtx.array());
		tables.put("head", ByteBuffer.allocate(54).putInt(0x00010000).putInt(Math.round(source.revision * 65536))
				.putInt(0) // checkSumAdjustment, set below
				.putInt(0x5F0F3CF5).putShort((short) 0x0009) // baseline at y=0, whole ppem
				.putShort((short) source.unitsPerEm).putLong(0).putLong(0) // created, modified
				.putShort((short) xMin).putShort((short) yMin).putShort((short) xMax).putShort((short) yMax)
				.putShort((short) source.macStyle).putShort((short) 8).putShort((short) 2).putShort((short) 1) // long loca
				.putShort((short) 0).array());
		tables.put("hhea", ByteBuffer.allocate(36).putInt(0x00010000).putShort((short) source.ascender)
				.putShort((short) source.descender).putShort((short) source.lineGap).putShort((short) advanceMax)
				.putShort((short) (minLsb == Integer.MAX_VALUE ? 0 : minLsb))
				.putShort((short) (minRsb == Integer.MAX_VALUE ? 0 : minRsb)).putShort((short) maxExtent).putShort((short) 1)
				.putShort((short) 0).putShort((short) 0).putLong(0).putShort((short) 0).putShort((short) glyphs.size()).array());
		tables.put("maxp", ByteBuffer.allocate(32).putInt(0x00010000).putShort((short) glyphs.size())
				.putShort((short) maxPoints).putShort((short) maxContours).putInt(0).putShort((short) 2) // maxZones
				.array());
		tables.put("cmap", cmap(cmap));
		tables.put("OS/2", source.os2);
		tables.put("name", source.name);
		tables.put("post", source.post);
		return assemble(tables);
	}

	/** Format 4 for the Basic Multilingual Plane (platform 3, encoding 1) and format 12 for all of Unicode (3, 10). */
	private static byte[] cmap(SortedMap<Integer, Integer> cmap) {
		SortedMap<Integer, Integer> bmp = cmap.headMap(0xFFFF);
		int segments = bmp.size() + 1;
		ByteBuffer format4 = ByteBuffer.allocate(16 + 8 * segments);
		int entrySelector = 31 - Integer.numberOfLeadingZeros(segments);
		int searchRange = 2 << entrySelector;
		format4.putShort((short) 4).putShort((short) format4.capacity()).putShort((short) 0).putShort((short) (2 * segments))
				.putShort((short) searchRange).putShort((short) entrySelector).putShort((short) (2 * segments - searchRange));
		bmp.keySet().forEach(c -> format4.putShort((short) (int) c));
		format4.putShort((short) 0xFFFF).putShort((short) 0);
		bmp.keySet().forEach(c -> format4.putShort((short) (int) c));
		format4.putShort((short) 0xFFFF);
		bmp.forEach((c, gid) -> format4.putShort((short) (gid - c)));
		format4.putShort((short) 1);
		for (int i = 0; i < segments; i++) {
			format4.putShort((short) 0);
		}
		ByteBuffer format12 = ByteBuffer.allocate(16 + 12 * cmap.size());
		format12.putShort((short) 12).putShort((short) 0).putInt(format12.capacity()).putInt(0).putInt(cmap.size());
		cmap.forEach((c, gid) -> format12.putInt(c).putInt(c).putInt(gid));
		return ByteBuffer.allocate(4 + 16 + format4.capacity() + format12.capacity()).putShort((short) 0).putShort((short) 2)
				.putShort((short) 3).putShort((short) 1).putInt(20).putShort((short) 3).putShort((short) 10)
				.putInt(20 + format4.capacity()).put(format4.array()).put(format12.array()).array();
	}

	/** The table directory, the tables on four-byte boundaries, and the whole file's checksum in head. */
	private static byte[] assemble(SortedMap<String, byte[]> tables) {
		int count = tables.size();
		int entrySelector = 31 - Integer.numberOfLeadingZeros(count);
		int searchRange = 16 << entrySelector;
		int offset = 12 + 16 * count;
		int size = offset + tables.values().stream().mapToInt(t -> (t.length + 3) & ~3).sum();
		ByteBuffer font = ByteBuffer.allocate(size);
		font.putInt(0x00010000).putShort((short) count).putShort((short) searchRange).putShort((short) entrySelector).putShort((short) (16 * count - searchRange));
		int headOffset = 0;
		for (Map.Entry<String, byte[]> table : tables.entrySet()) {
			byte[] data = table.getValue();
			font.put(table.getKey().getBytes(StandardCharsets.US_ASCII)).putInt((int) checksum(data))
					.putInt(offset).putInt(data.length);
			if (table.getKey().equals("head")) {
				headOffset = offset;
			}
			offset += (data.length + 3) & ~3;
		}
		for (byte[] data : tables.values()) {
			font.put(data);
			font.position((font.position() + 3) & ~3);
		}
		byte[] bytes = font.array();
		ByteBuffer.wrap(bytes).putInt(headOffset + 8, (int) (0xB1B0AFBAL - checksum(bytes)));
		return bytes;
	}

	private static long checksum(byte[] data) {
		long sum = 0;
		for (int i = 0; i < data.length; i += 4) {
			long word = 0;
			for (int j = 0; j < 4; j++) {
				word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
			}
			sum += word;
		}
		return sum & 0xFFFFFFFFL;
	}
}
