import Foundation

/// The normalised address of a door, so that `Lindenstraße 12a` and `Lindenstr. 12 a` are one door.
///
/// Street names are compared in lower case with `ß`→`ss`, umlauts spelled out, `straße`/`strasse`/`str.` as
/// `str` and everything but letters and digits dropped; house numbers without spaces or dots in lower case;
/// postcodes by their digits without leading zeros (a spreadsheet that took `04177` for a number writes `4177`).
struct HouseholdAddress: Hashable, Sendable {
    /// The normalised street.
    let street: String
    /// The normalised house number.
    let houseNumber: String
    /// The normalised postcode; empty when the list has none.
    let postcode: String

    /// Normalises an address as the file gives it.
    init(street: String, houseNumber: String, postcode: String) {
        var folded = street.lowercased()
        for (from, to) in [("ß", "ss"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("strasse", "str")] {
            folded = folded.replacingOccurrences(of: from, with: to)
        }
        self.street = String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        self.houseNumber = String(houseNumber.lowercased().filter { !$0.isWhitespace && $0 != "." })
        let digits = postcode.filter(\.isNumber)
        self.postcode = String(digits.drop { $0 == "0" })
    }

    /// The text a door's name-based id is derived from.
    var key: String { "address\u{0}\(street)\u{0}\(houseNumber)\u{0}\(postcode)" }
}
