import Testing

@testable import SyncServer

@Suite("Household CSV")
struct HouseholdCSVTests {
    @Test("Reads quoted fields, semicolons, a BOM and an optional note")
    func parses() throws {
        let rows = try HouseholdCSV.parse("\u{FEFF}id;street;house_number;postcode;note\r\na;\"Am \"\"Eck\"\"\";1;13353;\nb;Seestr.;2;13353;Hof\n")
        #expect(rows == [
            HouseholdRow(id: "a", street: "Am \"Eck\"", houseNumber: "1", postcode: "13353", note: nil),
            HouseholdRow(id: "b", street: "Seestr.", houseNumber: "2", postcode: "13353", note: "Hof"),
        ])
    }

    @Test("Rejects broken files with the line and what to do", arguments: [
        ("", "empty"), ("id,street,postcode\n", "house_number"), ("id,street,house_number,postcode\na,,1,2\n", "Line 2"),
        ("id,street,house_number,postcode\na,b,1,2\na,c,3,4\n", "twice"), ("id,street,house_number,postcode\n\"a,b,1,2\n", "quoted"),
    ])
    func rejects(text: String, mentions: String) {
        #expect {
            try HouseholdCSV.parse(text)
        } throws: { error in
            "\(error)".contains(mentions)
        }
    }
}
