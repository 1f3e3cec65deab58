import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a store file by a complete new one durably, then overwrites the old file's content.
enum StoreFileReplacement {
    /// Flushes the file at `path` to the disk.
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("cannot open \(path)") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush \(path)") }
    }

    /// Renames `replacement` over `path` and flushes the folder, then overwrites the replaced
    /// file's bytes with zeros and flushes them before the file is released. A crash leaves
    /// either the old file or the complete new one at `path`.
    static func replace(_ path: String, with replacement: String) throws {
        try sync(replacement)
        let old = open(path, O_RDWR)
        guard old >= 0 else { throw failure("cannot open \(path)") }
        defer { close(old) }
        guard rename(replacement, path) == 0 else { throw failure("cannot rename \(replacement)") }
        try sync(URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try overwrite(old)
    }

    /// Overwrites the file at `path` with zeros, flushes it and removes it (a leftover -wal or -shm).
    static func wipe(_ path: String) throws {
        let descriptor = open(path, O_RDWR)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        try overwrite(descriptor)
        unlink(path)
    }

    private static func overwrite(_ descriptor: Int32) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("cannot read the old file's size") }
        let zeros = [UInt8](repeating: 0, count: 1 << 16)
        var remaining = Int(status.st_size)
        var offset: off_t = 0
        while remaining > 0 {
            let count = min(remaining, zeros.count)
            let written = zeros.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, count, offset) }
            guard written > 0 else { throw failure("cannot overwrite the old file") }
            remaining -= written
            offset += off_t(written)
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot flush the old file") }
    }

    private static func failure(_ detail: String) -> FieldClientError {
        FieldClientError(.storeFailure, "Encrypting the store failed (\(detail)): \(String(cString: strerror(errno))). "
            + "The old store is unchanged; check free disk space and try again.")
    }
}
