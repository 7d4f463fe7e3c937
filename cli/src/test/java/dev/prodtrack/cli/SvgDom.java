package dev.prodtrack.cli;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the charts back with the JDK's XML parser, for the tests. */
final class SvgDom {
  static final String SVG_NS = "http://www.w3.org/2000/svg";
  static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

  private SvgDom() {}

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The SVG elements of a tag whose class list holds a class. */
  static List<Element> elements(Document d, String tag, String cls) {
    return elements(d.getDocumentElement(), tag, cls);
  }

  static List<Element> elements(Element root, String tag, String cls) {
    NodeList nodes = root.getElementsByTagNameNS(SVG_NS, tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  static Element only(List<Element> elements) {
    if (elements.size() != 1) {
      throw new AssertionError("expected one element, found " + elements.size());
    }
    return elements.get(0);
  }

  static double num(Element e, String attribute) {
    return Double.parseDouble(e.getAttribute(attribute));
  }

  /** The points of a polyline, as {x, y} pairs. */
  static List<double[]> points(Element polyline) {
    List<double[]> out = new ArrayList<>();
    for (String pair : polyline.getAttribute("points").trim().split(" ")) {
      String[] xy = pair.split(",");
      out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return out;
  }
}
