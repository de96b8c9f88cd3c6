#include "pdf/xmp_metadata.h"

#include "pdf/pdf_text.h"

namespace saraban::pdf {

namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string xmp_metadata(const layout::DocumentInfo& info) {
  const std::string date = xmp_date(info.created);
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      "<dc:format>application/pdf</dc:format>\n";
  if (!info.title.empty()) {
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  }
  if (!info.author.empty()) {
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  if (!info.subject.empty()) {
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  }
  if (!info.language.empty()) {
    x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(info.language) + "</rdf:li></rdf:Bag></dc:language>\n";
  }
  x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
       "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
       "<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
       "<xmp:CreatorTool>" + std::string(kProducer) + "</xmp:CreatorTool>\n"
       "<pdf:Producer>" + std::string(kProducer) + "</pdf:Producer>\n"
       "<pdfaid:part>2</pdfaid:part>\n"
       "<pdfaid:conformance>U</pdfaid:conformance>\n"
       "</rdf:Description>\n"
       "</rdf:RDF>\n"
       "</x:xmpmeta>\n"
       "<?xpacket end=\"w\"?>";
  return x;
}

}  // namespace saraban::pdf
