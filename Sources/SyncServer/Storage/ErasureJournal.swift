import Foundation
import SyncModel

#if canImport(Glibc)
    import Glibc
#endif

/// The append-only record of every erasure, kept beside the database where restoring a backup
/// does not undo it (`<db>.erasures` for SQLite, `--erasure-journal` for PostgreSQL).
///
/// Each line is the wire JSON of one erased state: the record's identity, version and erasure
/// (who, when, why), never content. `serve` and `migrate` apply every line to the database they
/// open (`RecordErasure.reapplyJournal()`), so an erasure made after a backup is made again when
/// that backup is restored. The file is owner-only and flushed to disk before an erasure is
/// acknowledged.
struct ErasureJournal: Sendable {
    /// The file.
    let path: String

    /// The journal of a SQLite database at `databasePath`.
    static func beside(databasePath: String) -> ErasureJournal {
        ErasureJournal(path: databasePath + ".erasures")
    }

    /// Appends the erased states `records` as one line each and flushes the file to disk.
    ///
    /// Throws `StoreError.unavailable` when the file cannot be written; content is never written,
    /// since only erased states (which have none) are accepted.
    func append(_ records: [SyncModel.Record]) throws {
        let erased = records.filter(\.isErased)
        guard !erased.isEmpty else { return }
        var bytes: [UInt8] = []
        for record in erased {
            bytes += try FastJSON.encode(record)
            bytes.append(UInt8(ascii: "\n"))
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot be opened for writing") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw failure("cannot be written") }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot be flushed to disk") }
    }

    /// Whether an erasure could be appended now: the file opens for appending or, when it does not
    /// exist yet, its folder may be written. Checked before a store is used, so that an erasure is
    /// never committed without its line.
    var isWritable: Bool {
        guard FileManager.default.fileExists(atPath: path) else {
            let folder = (path as NSString).deletingLastPathComponent
            return access(folder.isEmpty ? "." : folder, W_OK | X_OK) == 0
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    /// The erased states in the journal, oldest first; none when the file does not exist.
    ///
    /// A line that is not an erased state (e.g. the torn end of a write cut short by a crash) is
    /// skipped and counted in `skipped`.
    func entries() throws -> (records: [SyncModel.Record], skipped: Int) {
        guard FileManager.default.fileExists(atPath: path) else { return ([], 0) }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot be read") }
        var records: [SyncModel.Record] = []
        var skipped = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let record = try? FastJSON.decode(SyncModel.Record.self, from: Data(line)), record.isErased {
                records.append(record)
            } else {
                skipped += 1
            }
        }
        return (records, skipped)
    }

    /// A storage error that names the file and says what to check.
    private func failure(_ what: String) -> StoreError {
        StoreError.unavailable(
            "The erasure journal \(path) \(what). Check that its folder exists and is writable by the server's user.")
    }
}
