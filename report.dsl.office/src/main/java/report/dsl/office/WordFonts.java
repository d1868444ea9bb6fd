package report.dsl.office;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The document's font table, with each face's alternative names (ECMA-376 17.8.3.1 altName: "when an application
 * cannot locate a font using the primary name, it should use each alternate name in turn"). POI models no font table,
 * and the schema classes it ships leave it out, so the part is built as a DOM tree.
 */
final class WordFonts {

	private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
	/** GB2312, the character set of the Chinese faces, as Word writes it in hexadecimal. */
	private static final String GB2312 = "86";

	private WordFonts() {
	}

	static void addTable(XWPFDocument document, List<DocxOutput.Face> faces) throws IOException, InvalidFormatException {
		PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
		PackagePart part = document.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
		document.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
		try (OutputStream out = part.getOutputStream()) {
			Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
			xml.setXmlStandalone(true);
			Element fonts = xml.createElementNS(W, "w:fonts");
			xml.appendChild(fonts);
			Set<String> written = new LinkedHashSet<>();
			for (DocxOutput.Face face : faces) {
				if (written.add(face.eastAsia)) {
					font(fonts, face.eastAsia, face.alternatives);
				}
				if (written.add(face.latin)) {
					font(fonts, face.latin, face.alternatives);
				}
			}
			var transformer = TransformerFactory.newDefaultInstance();
			transformer.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			var writer = transformer.newTransformer();
			writer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			writer.transform(new DOMSource(xml), new StreamResult(out));
		} catch (ParserConfigurationException | TransformerException e) {
			throw new IOException(e);
		}
	}

	private static void font(Element fonts, String name, List<String> alternatives) {
		Element font = child(fonts, "font", name);
		child(font, "altName", String.join(",", alternatives.stream().filter(a -> !a.equals(name)).toList()));
		child(font, "charset", GB2312);
	}

	private static Element child(Element parent, String name, String value) {
		Element child = parent.getOwnerDocument().createElementNS(W, "w:" + name);
		child.setAttributeNS(W, name.equals("font") ? "w:name" : "w:val", value);
		parent.appendChild(child);
		return child;
	}
}
