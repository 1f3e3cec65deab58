import Foundation
import ZIPFoundation

/// Writes an Office Open XML workbook (`.xlsx`) sheet by sheet, row by row, in bounded memory.
///
/// Each sheet's rows are spooled to a private temporary file while they are appended; when the
/// sheet ends, the file is streamed into the ZIP archive through ZIPFoundation's entry provider
/// closure (deflated), so no sheet is ever held in memory whole. Text is written as inline
/// strings (no shared-string table to keep), dates and times as numbers with a date format.
///
///     let writer = try XLSXWorkbookWriter(creating: url)
///     let sheet = try writer.beginSheet(named: "Antworten", columns: widths, frozenRows: 2)
///     try sheet.append([.heading("Alter")])
///     try writer.finish()
public final class XLSXWorkbookWriter {
    /// The media type of a workbook, for HTTP `Content-Type`.
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// The file name extension of a workbook (also the export format's name), without the dot.
    public static let fileExtension = "xlsx"

    /// Where the workbook is written.
    public let url: URL

    private let archive: Archive
    private var sheets: [String] = []
    private var open: XLSXSheetWriter?
    private var finished = false
    private let spoolFolder: URL

    /// Creates the workbook file at `url` (owner-only permissions); it must not exist yet.
    public init(creating url: URL, temporaryFolder: URL = FileManager.default.temporaryDirectory) throws {
        self.url = url
        spoolFolder = temporaryFolder
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw XLSXWriterError("\(url.path) already exists. Choose another file name or remove it first.")
        }
        do {
            archive = try Archive(url: url, accessMode: .create)
        } catch {
            throw XLSXWriterError("Cannot create \(url.path) (\(error)). Check that the folder exists and is writable.")
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    deinit {
        if let open, !open.isClosed { _ = try? open.close() }
        if let open { try? FileManager.default.removeItem(at: open.spoolURL) }
    }

    /// Starts a new sheet (ending the previous one) with `columns` widths and the first `frozenRows`
    /// rows frozen (they stay visible while scrolling).
    public func beginSheet(named name: String, columns: [XLSXColumn] = [], frozenRows: Int = 0) throws -> XLSXSheetWriter {
        try endSheet()
        guard !finished else { throw XLSXWriterError("The workbook is already finished; sheets cannot be added.") }
        let title = XLSXWorkbookWriter.sheetTitle(name, taken: sheets)
        let spool = spoolFolder.appendingPathComponent("xlsx-sheet-\(UUID().uuidString).xml")
        let sheet = try XLSXSheetWriter(name: title, columns: columns, frozenRows: frozenRows, spoolURL: spool)
        open = sheet
        sheets.append(title)
        return sheet
    }

    /// Ends the last sheet and writes the workbook's remaining parts; the file is complete afterwards.
    public func finish() throws {
        guard !finished else { return }
        if sheets.isEmpty { _ = try beginSheet(named: "Sheet1") }
        try endSheet()
        let parts = XLSXPackageParts(sheetTitles: sheets)
        for (path, text) in parts.files {
            try add(path, data: Data(text.utf8))
        }
        finished = true
    }

    private func endSheet() throws {
        guard let sheet = open else { return }
        open = nil
        defer { try? FileManager.default.removeItem(at: sheet.spoolURL) }
        let size = try sheet.close()
        let reader = try FileHandle(forReadingFrom: sheet.spoolURL)
        defer { try? reader.close() }
        do {
            try archive.addEntry(
                with: "xl/worksheets/sheet\(sheets.count).xml", type: .file, uncompressedSize: size,
                compressionMethod: .deflate, bufferSize: 1 << 16
            ) { position, length in
                try reader.seek(toOffset: UInt64(position))
                return try reader.read(upToCount: length) ?? Data()
            }
        } catch {
            throw XLSXWriterError("Cannot write the sheet '\(sheet.name)' into \(url.path) (\(error)). Check free disk space.")
        }
    }

    private func add(_ path: String, data: Data) throws {
        do {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, length in
                data.subdata(in: Int(position)..<Int(position) + length)
            }
        } catch {
            throw XLSXWriterError("Cannot write \(path) into \(url.path) (\(error)). Check free disk space.")
        }
    }

    /// A valid, unique sheet title: at most 31 characters, none of `[]:*?/\`.
    static func sheetTitle(_ name: String, taken: [String]) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        var title = cleaned.isEmpty ? "Sheet" : cleaned
        var number = 2
        while taken.contains(where: { $0.lowercased() == title.lowercased() }) {
            let suffix = " \(number)"
            title = String(cleaned.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return title
    }
}
