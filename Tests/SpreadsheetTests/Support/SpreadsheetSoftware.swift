import Foundation
import SwiftCSV
import Testing

/// Real spreadsheet software for the tests: LibreOffice headless (cells as shown) and openpyxl
/// (cell types). `QS_SPREADSHEETS=required` (set by scripts/test) makes a missing tool a failure;
/// otherwise the tests that need it skip with a note.
enum SpreadsheetSoftware {
    /// The repository root, from this source file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether the run must have both tools.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["QS_SPREADSHEETS"] == "required" }

    /// `soffice` on PATH or in /usr/bin.
    static var soffice: String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/local/bin"
        return path.split(separator: ":").map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The Python of `.venv-xlsx` (openpyxl), or `QS_OPENPYXL_PYTHON`.
    static var openpyxlPython: String? {
        let candidate = ProcessInfo.processInfo.environment["QS_OPENPYXL_PYTHON"]
            ?? root.appendingPathComponent(".venv-xlsx/bin/python").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// Records a failure (required) or returns false with a note (optional) when a tool is missing.
    static func available(_ tool: String?, name: String, install: String) -> Bool {
        guard tool == nil else { return true }
        if isRequired {
            Issue.record("QS_SPREADSHEETS=required, but \(name) is missing; scripts/test installs it (\(install)).")
        }
        return false
    }

    /// Every sheet of `workbook` as LibreOffice shows its cells, converted to UTF-8 CSV headless with
    /// a private profile; keyed by sheet name. `importFilter` reads a CSV as given (`--infilter`).
    static func sheetsAsShown(_ workbook: URL, importFilter: String? = nil) throws -> [String: [[String]]] {
        let soffice = try #require(soffice)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Field separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), first line 1, cell
        // format default, language en-US, quoted text, detect numbers, save as shown, formulas off,
        // remove spaces off, sheet -1: every sheet to its own file NAME-SHEET.csv.
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,true,false,false,-1"
        let result = try run(
            soffice,
            ["--headless", "--norestore"] + (importFilter.map { ["--infilter=\($0)"] } ?? [])
                + ["--convert-to", filter, "--outdir", folder.path, workbook.path],
            environment: ["HOME": folder.path, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"])
        let base = workbook.deletingPathExtension().lastPathComponent
        var sheets: [String: [[String]]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".csv") {
            let name = String(file.dropFirst(base.count + 1).dropLast(4))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
            sheets[name] = [csv.header] + csv.rows
        }
        if sheets.isEmpty { throw TestFailure("LibreOffice converted nothing: \(result)") }
        return sheets
    }

    /// What openpyxl reads: per sheet, the frozen cell, column widths and each cell's type and value.
    static func openpyxlView(_ workbook: URL) throws -> [String: Any] {
        let python = try #require(openpyxlPython)
        let script = """
            import json, sys, datetime, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {}
            for sheet in book.worksheets:
                rows = []
                for row in sheet.iter_rows():
                    cells = []
                    for cell in row:
                        value = cell.value
                        if isinstance(value, datetime.datetime):
                            kind, value = 'datetime', value.isoformat()
                        elif isinstance(value, datetime.date):
                            kind, value = 'date', value.isoformat()
                        elif isinstance(value, bool):
                            kind = 'bool'
                        elif isinstance(value, (int, float)):
                            kind = 'number'
                        elif value is None:
                            kind = 'empty'
                        else:
                            kind = 'text'
                        cells.append([kind, value, cell.font.b])
                    rows.append(cells)
                widths = {k: v.width for k, v in sheet.column_dimensions.items()}
                out[sheet.title] = {'freeze': sheet.freeze_panes, 'widths': widths, 'rows': rows}
            out['_order'] = book.sheetnames
            print(json.dumps(out))
            """
        let result = try run(python, ["-c", script, workbook.path], environment: [:])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
    }

    /// Runs a tool and returns its standard output; throws with its error output when it fails.
    private static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errors.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure(
                "\(executable) exited \(process.terminationStatus): \(String(decoding: errors.data, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
