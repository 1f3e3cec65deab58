import Foundation
import Spreadsheet

#if canImport(Glibc)
    import Glibc
#endif

/// Writes an XLSX workbook the way ``ExportSink`` writes other exports: as `FILE.partial`
/// (owner-only), renamed to `FILE` only when complete, and removed after a failure.
enum WorkbookFile {
    /// Runs `write` on the partial file's URL, then gives the file its name; returns what `write` returns.
    static func write<T>(to path: String, _ write: (URL) throws -> T) throws -> T {
        let partial = path + ".partial"
        unlink(partial)
        do {
            let result = try write(URL(fileURLWithPath: partial))
            guard rename(partial, path) == 0 else {
                throw FieldClientError(.usage, "Cannot name the export \(path): \(String(cString: strerror(errno))).")
            }
            return result
        } catch let error as XLSXWriterError {
            unlink(partial)
            throw FieldClientError(.storeFailure, "Cannot write \(path): \(error.message)")
        } catch {
            unlink(partial)
            throw error
        }
    }
}
