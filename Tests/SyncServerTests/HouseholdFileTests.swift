import Foundation
import Testing

@testable import SyncServer

@Suite("Household file")
struct HouseholdFileTests {
    /// A German street list as German Excel saves "CSV (Trennzeichen-getrennt)": semicolons, CRLF, no ids.
    static let germanList = "Straße;Hausnummer;PLZ;Ort;Hinweis\r\nLindenstraße;12a;04177;Leipzig;\r\nLindenstraße;14;04177;Leipzig;Hinterhaus\r\nMüllerstraße;3;04177;Leipzig;\r\n"

    static func encoded(_ text: String, as encoding: String) -> Data {
        switch encoding {
        case "utf8-bom": return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case "cp1252": return text.data(using: .windowsCP1252)!
        default: return Data(text.utf8)
        }
    }

    @Test("reads a German list with semicolons in UTF-8, UTF-8 with byte order mark or Windows-1252", arguments: [
        "utf8", "utf8-bom", "cp1252",
    ])
    func readsGermanList(encoding: String) throws {
        let rows = try HouseholdFile.rows(from: Self.encoded(Self.germanList, as: encoding), cohort: "wedding")
        #expect(rows.map(\.street) == ["Lindenstraße", "Lindenstraße", "Müllerstraße"])
        #expect(rows.map(\.houseNumber) == ["12a", "14", "3"])
        #expect(rows.map(\.postcode) == ["04177", "04177", "04177"])
        #expect(rows.map(\.city) == ["Leipzig", "Leipzig", "Leipzig"])
        #expect(rows.map(\.note) == [nil, "Hinterhaus", nil])
        #expect(rows.allSatisfy { UUID(uuidString: $0.id) != nil })
    }

    @Test("reads English headers with commas, quotes and given ids as before")
    func readsEnglishList() throws {
        let rows = try HouseholdFile.rows(
            from: Data("id,street,house_number,postcode,note\r\na,\"Am \"\"Eck\"\"\",1,13353,\nb,Seestr.,2,13353,Hof\n".utf8),
            cohort: "wedding")
        #expect(rows == [
            HouseholdRow(id: "a", street: "Am \"Eck\"", houseNumber: "1", postcode: "13353", note: nil),
            HouseholdRow(id: "b", street: "Seestr.", houseNumber: "2", postcode: "13353", note: "Hof"),
        ])
    }

    @Test("gives the same door the same id however its address is spelled, and other doors other ids", arguments: [
        ("Lindenstraße", "12a", "Lindenstr.", "12 a", true), ("Lindenstraße", "12a", "Lindenstrasse", "12A", true),
        ("Müllerstr.", "3", "Muellerstraße", "3", true), ("Lindenstraße", "12a", "Lindenstraße", "12b", false),
        ("Lindenstraße", "12", "Lindenweg", "12", false),
    ])
    func derivesIDsFromNormalisedAddress(street: String, number: String, otherStreet: String, otherNumber: String, same: Bool) throws {
        let text = "Straße;Hausnummer;PLZ\n\(street);\(number);04177\n"
        let other = "Straße;Hausnummer;PLZ\n\(otherStreet);\(otherNumber);4177\n"
        let first = try HouseholdFile.rows(from: Data(text.utf8), cohort: "wedding")[0].id
        let second = try HouseholdFile.rows(from: Data(other.utf8), cohort: "wedding")[0].id
        #expect((first == second) == same)
        #expect(try HouseholdFile.rows(from: Data(text.utf8), cohort: "moabit")[0].id != first)
    }

    @Test("reports every bad row by number and imports nothing", arguments: [
        ("Straße;Hausnummer\nLindenstraße;1\n;2\nSeeweg;\nLindenstr.;1\n", [
            "Row 3: the street is empty.", "Row 4: the house number is empty.",
            "Row 5: Lindenstr. 1 is the same door as row 2.",
        ]),
        ("id,street,house_number\na,X,1\na,Y,2\n", ["Row 3: the id 'a' is also used in row 2."]),
    ])
    func reportsBadRows(text: String, fragments: [String]) {
        #expect {
            try HouseholdFile.rows(from: Data(text.utf8), cohort: "wedding")
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("Nothing was imported") && fragments.allSatisfy { message.contains($0) }
        }
    }

    @Test("reads a list of 100,000 doors, each with its own id")
    func readsLargeLists() throws {
        var text = "Straße;Hausnummer;PLZ\r\n"
        for number in 1...100_000 { text += "Lindenstraße;\(number);04177\r\n" }
        let rows = try HouseholdFile.rows(from: Data(text.utf8), cohort: "wedding")
        #expect(rows.count == 100_000)
        #expect(Set(rows.map(\.id)).count == 100_000)
    }

    @Test("refuses files it cannot use with what to do", arguments: [
        ("", "The file is empty"), ("id,street,postcode\n", "lacks the column 'Hausnummer/house_number'"),
        ("Name;Wert\nx;1\n", "lacks the columns 'Straße/street' and 'Hausnummer/house_number'"),
        ("street,house_number\n\"a,b,1\n", "quoted field is not closed"),
        ("PK\u{3}\u{4}kaputt", "not an Excel workbook"),
    ])
    func refusesUnusableFiles(text: String, mentions: String) {
        #expect {
            try HouseholdFile.rows(from: Data(text.utf8), cohort: "wedding")
        } throws: { error in
            "\(error)".contains(mentions)
        }
    }
}
