import Mustache

/// HTML escaping that looks at every Unicode scalar, registered for the dashboard's templates as
/// the Mustache content type `QS_HTML`; every template and partial selects it on its first line,
/// because Mustache starts each partial with its default HTML escaping.
///
/// Mustache's own HTML escaping compares whole characters, so a quote followed by a combining
/// mark (one grapheme cluster) would pass unescaped and could end an attribute value early;
/// escaping scalar by scalar closes that gap.
struct ScalarHTMLEscaping: MustacheContentType {
    /// The name templates select with `{{% CONTENT_TYPE: QS_HTML}}`.
    static let name = "QS_HTML"

    /// Escapes `&`, `<`, `>`, `"` and `'`.
    func escapeText(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
