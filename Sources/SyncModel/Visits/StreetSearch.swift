import Foundation

/// Finds streets by a part of their name as people type it: without regard to case, `ß` as `ss`,
/// umlauts as `ae`/`oe`/`ue` or as plain vowels, `straße`/`strasse`/`str.` as one word, and
/// spaces and punctuation ignored; so `strasse`, `Lindenstr.` and `muehl` or `Muhl` find `Lindenstraße` and
/// `Am Mühlbach`.
public enum StreetSearch {
    /// Whether `street` contains `query`, compared as described above; an empty query matches every street.
    public static func matches(_ street: String, query: String) -> Bool {
        let wanted = spellings(of: query)
        guard !wanted.spelled.isEmpty else { return true }
        let given = spellings(of: street)
        return given.spelled.contains(wanted.spelled) || given.plain.contains(wanted.plain)
    }

    /// `text` folded twice: umlauts spelled out (`ue`) and umlauts as plain vowels (`u`).
    static func spellings(of text: String) -> (spelled: String, plain: String) {
        let base = text.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: "ß", with: "ss")
        func fold(_ umlauts: [(String, String)]) -> String {
            var folded = base
            for (from, to) in umlauts { folded = folded.replacingOccurrences(of: from, with: to) }
            folded = folded.replacingOccurrences(of: "strasse", with: "str")
            return String(String.UnicodeScalarView(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
        }
        return (fold([("ä", "ae"), ("ö", "oe"), ("ü", "ue")]), fold([("ä", "a"), ("ö", "o"), ("ü", "u")]))
    }
}
