import SyncModel
import Testing

@Suite("StreetSearch: streets found as people type them")
struct StreetSearchTests {
    @Test(
        "a part of the name finds the street whatever the case, ß or ss, umlaut or spelled-out vowel, str. or straße",
        arguments: [
            ("Lindenstraße", "strasse"), ("Lindenstraße", "STRASSE"), ("Lindenstraße", "Straße"), ("Lindenstraße", "Lindenstr."),
            ("Lindenstraße", "linden str"), ("Am Mühlbach", "muehl"), ("Am Mühlbach", "Muhl"), ("Am Mühlbach", "MÜHL"),
            ("Am Mühlbach", "Mu\u{0308}hl"), ("Am Mu\u{0308}hlbach", "mühl"), ("Große Gasse", "grosse"), ("Lindenstraße", ""),
        ])
    func finds(street: String, query: String) {
        #expect(StreetSearch.matches(street, query: query))
    }

    @Test(
        "a text that is not part of the name finds nothing",
        arguments: [("Lindenstraße", "eichen"), ("Am Mühlbach", "mehl"), ("Lindenstraße", "gasse"), ("Am Mühlbach", "strasse")])
    func missesOthers(street: String, query: String) {
        #expect(!StreetSearch.matches(street, query: query))
    }
}
