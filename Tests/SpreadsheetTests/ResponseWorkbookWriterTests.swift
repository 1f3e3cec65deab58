import Foundation
import Spreadsheet
import SyncModel
import Testing

/// The XLSX export of responses, opened by LibreOffice (cells as shown) and openpyxl (cell types).
@Suite("Response workbook")
final class ResponseWorkbookWriterTests {
    let folder: URL
    let survey: SurveyDefinition

    init() throws {
        folder = try TemporaryFolder.make()
        survey = try SampleResponses.survey()
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes the sample records (labels in `language`, the rest in `interface`) and returns the
    /// file and the JSON export of the same records.
    private func written(language: String? = nil, interface: Language = .german) throws -> (URL, [ExportedResponse]) {
        let url = folder.appendingPathComponent("befragung.xlsx")
        let workbook = try ResponseWorkbookWriter(creating: url, survey: survey, language: language, interface: interface)
        var json = ResponseExporter(format: .json, survey: survey)
        var data = json.header()
        for record in SampleResponses.records() {
            try workbook.append(record)
            data.append(json.chunk(for: record))
        }
        data.append(json.footer())
        try workbook.finish()
        #expect(workbook.count == 3)
        return (url, try JSONDecoder().decode([ExportedResponse].self, from: data))
    }

    /// How LibreOffice shows a JSON value of `question` (labels in `language`).
    private func shown(_ value: FieldValue?, _ question: Question, language: String?) -> String {
        guard let value, !value.isNull else { return "" }
        func number(_ double: Double) -> String {
            double == double.rounded() ? String(Int64(double)) : String(double)
        }
        switch value {
        case .integer(let int): return String(int)
        case .decimal(let double): return number(double)
        case .string(let text):
            return question.type.hasChoices ? (question.choice(named: text)?.label(in: language) ?? text) : text
        case .array(let items):
            return items.compactMap(\.stringValue).map { question.choice(named: $0)?.label(in: language) ?? $0 }
                .joined(separator: "; ")
        case .object(let members):
            return ["latitude", "longitude", "altitude", "accuracy"].compactMap { members[$0]?.numberValue }.map(number)
                .joined(separator: " ")
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .null: return ""
        }
    }

    /// The cells the JSON export says the first sheet must show, header rows included: labels in
    /// `language`, headings, statuses and review states in `interface`.
    private func expectedSheet(_ responses: [ExportedResponse], language: String?, interface: Language) -> [[String]] {
        let questions = survey.questions.filter { $0.type != .note }
        var names = ["id", "participant", "created", "updated", "status", "household", "review"]
        var labels = names.map { interface.catalog.text("workbook.heading.\($0)") }
        for question in questions {
            labels.append(question.label(in: language))
            names.append(question.name)
            for choice in question.type == .selectMultiple ? question.choices ?? [] : [] {
                labels.append("\(question.label(in: language)): \(choice.label(in: language))")
                names.append("\(question.name)/\(choice.name)")
            }
        }
        func time(_ iso: String?) -> String {
            (iso ?? "").replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
        }
        let rows = responses.map { response in
            var row = [
                response.id.uuidString.lowercased(), response.participant, time(response.created), time(response.updated),
                interface.catalog.text("status.\(response.status)"), response.household ?? "",
                interface.catalog.text("review.state.\(response.review)"),
            ]
            for question in questions {
                let answer = response.answers[question.name]
                row.append(shown(answer, question, language: language))
                if question.type == .selectMultiple {
                    let picked: [String]? =
                        if case .array(let items)? = answer { items.compactMap(\.stringValue) } else { nil }
                    row += (question.choices ?? []).map { choice in
                        picked.map { $0.contains(choice.name) ? "1" : "0" } ?? ""
                    }
                }
            }
            return row
        }
        return [labels, names] + rows
    }

    @Test("LibreOffice shows every cell as the JSON export says: labels, names, umlauts, line breaks, dates, 0/1")
    func libreOfficeShowsTheJSONExport() throws {
        guard SpreadsheetSoftware.available(SpreadsheetSoftware.soffice, name: "LibreOffice", install: "apt-get install libreoffice-calc-nogui")
        else { return }
        let (url, responses) = try written()
        let sheets = try SpreadsheetSoftware.sheetsAsShown(url)
        let expected = expectedSheet(responses, language: nil, interface: .german)
        #expect(expected[0].starts(with: ["id", "Teilnehmer/in", "begonnen", "geändert", "Stand", "Tür", "Durchsicht"]))
        #expect(Set(expected.dropFirst(2).map { $0[4] }).isSubset(of: ["Entwurf", "abgeschlossen"]))
        let shown = try #require(sheets["Antworten"])
        #expect(shown.count == expected.count)
        for (index, (got, want)) in zip(shown, expected).enumerated() {
            #expect(got == want, "row \(index + 1)")
        }
        #expect(shown.joined().joined().contains(SampleResponses.tricky))
        #expect(shown[0].contains("Haushaltsgröße"))
        let codebook = try #require(sheets["Codebuch"])
        #expect(codebook[0] == ["Frage", "Typ", "Pflicht", "relevant wenn", "Antwortmöglichkeit", "label::Deutsch (de)", "label::English (en)"])
        #expect(Set(codebook.dropFirst().map { $0[2] }) == ["ja", "nein", ""])
    }

    @Test("LibreOffice told to run formulas in a CSV runs none of a resident's answers; numbers and the phone number stay")
    func csvRunsNoFormula() throws {
        guard SpreadsheetSoftware.available(SpreadsheetSoftware.soffice, name: "LibreOffice", install: "apt-get install libreoffice-calc-nogui")
        else { return }
        let attack = "=HYPERLINK(\"http://example.org\";\"Klick\")"
        let response = SampleResponses.response(
            1, ["gefaellt": .string("=1+2"), "anmerkungen": .string(attack), "kontakt": .string("+49 341 1234567"), "haushalt": 3])
        var exporter = ResponseExporter(format: .csv, survey: try SampleResponses.survey())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("antworten.csv")
        try (exporter.header() + exporter.chunk(for: response) + exporter.footer()).write(to: csv)
        // Comma, quote, UTF-8, from line 1, en-US, then the 13th option: evaluate formulas (Excel's habit).
        let sheets = try SpreadsheetSoftware.sheetsAsShown(csv, importFilter: "CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true")
        let rows = try #require(sheets.values.first)
        let header = try #require(rows.first)
        let row = try #require(rows.dropFirst().first)
        func shown(_ column: String) throws -> String { row[try #require(header.firstIndex(of: column))] }
        #expect(try shown("gefaellt") == "'=1+2")
        #expect(try shown("anmerkungen") == "'" + attack)
        #expect(try shown("kontakt") == "+49 341 1234567")
        #expect(try shown("haushalt") == "3")
    }

    @Test("labels follow the asked language; the codebook lists every question and choice in each language")
    func englishLabelsAndCodebook() throws {
        guard SpreadsheetSoftware.available(SpreadsheetSoftware.soffice, name: "LibreOffice", install: "apt-get install libreoffice-calc-nogui")
        else { return }
        let (url, responses) = try written(language: "en", interface: .english)
        let sheets = try SpreadsheetSoftware.sheetsAsShown(url)
        #expect(sheets["Responses"] == expectedSheet(responses, language: "en", interface: .english))
        let codebook = try #require(sheets["Codebook"])
        #expect(codebook[0] == ["question", "type", "required", "relevant", "choice", "label::Deutsch (de)", "label::English (en)"])
        var expected: [[String]] = []
        for question in survey.questions {
            expected.append(
                [question.name, question.type.rawValue, question.required ? "yes" : "no", question.relevant ?? "", "",
                 question.label(in: "de"), question.label(in: "en")])
            for choice in question.choices ?? [] {
                expected.append([question.name, "", "", "", choice.name, choice.label(in: "de"), choice.label(in: "en")])
            }
        }
        #expect(Array(codebook.dropFirst()) == expected)
    }

    @Test("LibreOffice shows a pseudonymized workbook without kontakt (answers, column, codebook) and without names")
    func pseudonymizedWorkbook() throws {
        guard SpreadsheetSoftware.available(SpreadsheetSoftware.soffice, name: "LibreOffice", install: "apt-get install libreoffice-calc-nogui")
        else { return }
        let url = folder.appendingPathComponent("pseudonymisiert.xlsx")
        let workbook = try ResponseWorkbookWriter(
            creating: url, survey: survey, interface: .german,
            pseudonymization: ExportPseudonymization { "P-" + String($0.unicodeScalars.count, radix: 16).uppercased() })
        for record in SampleResponses.records() { try workbook.append(record) }
        try workbook.finish()
        let sheets = try SpreadsheetSoftware.sheetsAsShown(url)
        let cells = sheets.values.joined().joined()
        #expect(!cells.contains { $0.contains("kontakt") || $0.contains("HYPERLINK") || $0.contains("Wie dürfen wir Sie") })
        let responses = try #require(sheets["Antworten"])
        let participant = try #require(responses[1].firstIndex(of: "participant"))
        #expect(Set(responses.dropFirst(2).map { $0[participant] }) == ["P-4", "P-3", "P-B"], "anna, ben, Jürgen Groß")
        #expect(!cells.contains { $0 == "anna" || $0.contains("Jürgen") })
        #expect(responses[1].contains("gefaellt"), "other questions stay")
    }

    @Test("openpyxl reads numbers as numbers, dates as dates, bold frozen headers and readable widths")
    func openpyxlReadsCellTypes() throws {
        guard SpreadsheetSoftware.available(SpreadsheetSoftware.openpyxlPython, name: "openpyxl", install: "pip install openpyxl in .venv-xlsx")
        else { return }
        let (url, _) = try written()
        let view = try SpreadsheetSoftware.openpyxlView(url)
        #expect(view["_order"] as? [String] == ["Antworten", "Codebuch"])
        let sheet = try #require(view["Antworten"] as? [String: Any])
        #expect(sheet["freeze"] as? String == "A3")
        let rows = try #require(sheet["rows"] as? [[[Any]]])
        let names = rows[1].map { $0[1] as? String ?? "" }
        func cell(_ row: Int, _ name: String) throws -> (kind: String, value: Any) {
            let column = try #require(names.firstIndex(of: name), "no column \(name)")
            let cell = rows[row][column]
            return (cell[0] as! String, cell[1])
        }
        #expect(rows[0].allSatisfy { $0[2] as? Bool == true })
        #expect(try cell(2, "haushalt").kind == "number")
        #expect(try cell(2, "haushalt").value as? Int == 3)
        #expect(try cell(2, "zufriedenheit").value as? Double == 7.5)
        #expect(try cell(2, "probleme/mieten").value as? Int == 1)
        #expect(try cell(2, "probleme/muell").value as? Int == 0)
        #expect(try cell(2, "datum").kind == "datetime")
        #expect(try cell(2, "datum").value as? String == "2026-11-25T00:00:00")
        #expect(try cell(2, "created").kind == "datetime")
        #expect(try cell(2, "created").value as? String == "2026-09-01T08:01:00")
        #expect(try cell(2, "kontakt").kind == "text")
        #expect(try cell(2, "kontakt").value as? String == "=HYPERLINK(\"x\") <b>&amp;</b>")
        #expect(try cell(3, "haushalt").value as? Int == 1)
        #expect(try cell(3, "datum").kind == "empty")
        let widths = try #require(sheet["widths"] as? [String: Double])
        #expect(widths["A"] == 38)
        #expect(widths.values.allSatisfy { (8...50).contains($0) })
        #expect(widths.count == rows[1].count)
    }

    @Test("the file is owner-only and an existing file is not overwritten")
    func ownerOnlyAndNoOverwrite() throws {
        let (url, _) = try written()
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let error = #expect(throws: XLSXWriterError.self) { try ResponseWorkbookWriter(creating: url, survey: survey, interface: .german) }
        #expect(error?.message.contains("already exists") == true)
    }
}
