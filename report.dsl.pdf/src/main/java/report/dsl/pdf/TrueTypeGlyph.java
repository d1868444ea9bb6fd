package report.dsl.pdf;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One glyph of a CFF font as a TrueType {@code glyf} entry: its cubic curves replaced by quadratic pieces that stray from
 * them by at most {@link #TOLERANCE} font units, its contours turned clockwise as TrueType draws outer contours, no hints.
 */
final class TrueTypeGlyph {

	/** Half a font unit: below the rounding of every point to whole units, invisible at any print size. */
	static final double TOLERANCE = 0.5;
	/** Pieces per cubic at most: a 1,000-unit em needs a handful even for its longest strokes. */
	private static final int MAX_PIECES = 16;

	private static final int ON_CURVE = 1;
	private static final int X_SHORT = 2;
	private static final int Y_SHORT = 4;
	private static final int X_SAME_OR_POSITIVE = 16;
	private static final int Y_SAME_OR_POSITIVE = 32;

	/** The {@code glyf} entry, empty for a glyph with no outline (a space). */
	final byte[] data;
	final int advance;
	final int xMin;
	final int yMin;
	final int xMax;
	final int yMax;
	final int points;
	final int contours;

	private record Point(int x, int y, boolean onCurve) {
	}

	private TrueTypeGlyph(List<List<Point>> outline, int advance) {
		this.advance = advance;
		int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE, count = 0;
		for (List<Point> contour : outline) {
			for (Point p : contour) {
				minX = Math.min(minX, p.x);
				minY = Math.min(minY, p.y);
				maxX = Math.max(maxX, p.x);
				maxY = Math.max(maxY, p.y);
				count++;
			}
		}
		points = count;
		contours = outline.size();
		if (outline.isEmpty()) {
			xMin = yMin = xMax = yMax = 0;
			data = new byte[0];
			return;
		}
		xMin = minX;
		yMin = minY;
		xMax = maxX;
		yMax = maxY;
		data = encode(outline);
	}

	/** The glyph of {@code path} (in font units, y up, as fontbox draws a Type 2 charstring). */
	static TrueTypeGlyph of(Shape path, int advance) {
		List<List<Point>> outline = new ArrayList<>();
		List<Point> contour = new ArrayList<>();
		double[] c = new double[6];
		double x = 0, y = 0, startX = 0, startY = 0;
		for (PathIterator segments = path.getPathIterator(null); !segments.isDone(); segments.next()) {
			switch (segments.currentSegment(c)) {
			case PathIterator.SEG_MOVETO -> {
				close(contour, outline);
				contour = new ArrayList<>();
				x = startX = c[0];
				y = startY = c[1];
				add(contour, x, y, true);
			}
			case PathIterator.SEG_LINETO -> {
				x = c[0];
				y = c[1];
				add(contour, x, y, true);
			}
			case PathIterator.SEG_QUADTO -> {
				add(contour, c[0], c[1], false);
				x = c[2];
				y = c[3];
				add(contour, x, y, true);
			}
			case PathIterator.SEG_CUBICTO -> {
				cubic(contour, x, y, c);
				x = c[4];
				y = c[5];
			}
			case PathIterator.SEG_CLOSE -> {
				close(contour, outline);
				contour = new ArrayList<>();
				x = startX;
				y = startY;
			}
			default -> throw new IllegalStateException("PathIterator has five segment types");
			}
		}
		close(contour, outline);
		return new TrueTypeGlyph(outline, advance);
	}

	/**
	 * The cubic from (x0, y0) through c[0..5] as quadratic pieces of equal parameter span. A quadratic whose control point
	 * is (3(c1 + c2) − (start + end)) / 4 misses a cubic by at most √3/36 of its third difference, which shrinks with the
	 * cube of the number of pieces.
	 */
	private static void cubic(List<Point> contour, double x0, double y0, double[] c) {
		double dx = c[4] - 3 * c[2] + 3 * c[0] - x0;
		double dy = c[5] - 3 * c[3] + 3 * c[1] - y0;
		double error = Math.sqrt(3) / 36 * Math.hypot(dx, dy);
		int pieces = (int) Math.max(1, Math.min(MAX_PIECES, Math.ceil(Math.cbrt(error / TOLERANCE))));
		double[] xs = { x0, c[0], c[2], c[4] };
		double[] ys = { y0, c[1], c[3], c[5] };
		for (int i = 0; i < pieces; i++) {
			double t0 = (double) i / pieces, t1 = (double) (i + 1) / pieces, third = (t1 - t0) / 3;
			double sx = bezier(xs, t0), sy = bezier(ys, t0), ex = bezier(xs, t1), ey = bezier(ys, t1);
			double c1x = sx + third * derivative(xs, t0), c1y = sy + third * derivative(ys, t0);
			double c2x = ex - third * derivative(xs, t1), c2y = ey - third * derivative(ys, t1);
			add(contour, (3 * (c1x + c2x) - sx - ex) / 4, (3 * (c1y + c2y) - sy - ey) / 4, false);
			add(contour, ex, ey, true);
		}
	}

	private static double bezier(double[] p, double t) {
		double u = 1 - t;
		return u * u * u * p[0] + 3 * u * u * t * p[1] + 3 * u * t * t * p[2] + t * t * t * p[3];
	}

	private static double derivative(double[] p, double t) {
		double u = 1 - t;
		return 3 * (u * u * (p[1] - p[0]) + 2 * u * t * (p[2] - p[1]) + t * t * (p[3] - p[2]));
	}

	/** A point in whole font units; an on-curve point where the contour already stands is left out. */
	private static void add(List<Point> contour, double x, double y, boolean onCurve) {
		Point p = new Point((int) Math.round(x), (int) Math.round(y), onCurve);
		if (onCurve && !contour.isEmpty() && contour.get(contour.size() - 1).equals(p)) {
			return;
		}
		contour.add(p);
	}

	/**
	 * The contour, closed (a last point on the first is dropped) and reversed: CFF draws outer contours counter-clockwise,
	 * TrueType clockwise.
	 */
	private static void close(List<Point> contour, List<List<Point>> outline) {
		if (contour.size() > 1 && contour.get(contour.size() - 1).equals(contour.get(0))) {
			contour.remove(contour.size() - 1);
		}
		if (contour.size() < 3) {
			return; // a bare move or a line there and back: nothing to fill
		}
		List<Point> reversed = new ArrayList<>(contour.size());
		reversed.add(contour.get(0));
		for (int i = contour.size() - 1; i > 0; i--) {
			reversed.add(contour.get(i));
		}
		outline.add(reversed);
	}

	private byte[] encode(List<List<Point>> outline) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeShort(outline.size());
			out.writeShort(xMin);
			out.writeShort(yMin);
			out.writeShort(xMax);
			out.writeShort(yMax);
			int end = -1;
			for (List<Point> contour : outline) {
				end += contour.size();
				out.writeShort(end);
			}
			out.writeShort(0); // no instructions
			ByteArrayOutputStream xs = new ByteArrayOutputStream();
			ByteArrayOutputStream ys = new ByteArrayOutputStream();
			int x = 0, y = 0;
			for (List<Point> contour : outline) {
				for (Point p : contour) {
					int flags = p.onCurve ? ON_CURVE : 0;
					flags |= delta(p.x - x, xs, X_SHORT, X_SAME_OR_POSITIVE);
					flags |= delta(p.y - y, ys, Y_SHORT, Y_SAME_OR_POSITIVE);
					out.writeByte(flags);
					x = p.x;
					y = p.y;
				}
			}
			xs.writeTo(out);
			ys.writeTo(out);
			while (bytes.size() % 4 != 0) {
				out.writeByte(0);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e); // a byte array does not fail
		}
		return bytes.toByteArray();
	}

	/** A coordinate's change in the shortest form TrueType has, and the flags that say which. */
	private static int delta(int delta, ByteArrayOutputStream out, int shortFlag, int sameOrPositiveFlag) {
		if (delta == 0) {
			return sameOrPositiveFlag;
		}
		if (Math.abs(delta) < 256) {
			out.write(Math.abs(delta));
			return shortFlag | (delta > 0 ? sameOrPositiveFlag : 0);
		}
		out.write(delta >> 8);
		out.write(delta);
		return 0;
	}
}
