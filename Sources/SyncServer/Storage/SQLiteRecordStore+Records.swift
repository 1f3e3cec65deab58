import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Runs a push's script in the next group commit (``GroupCommit``): batches that wait at the
    /// same moment share one write transaction, each in a savepoint of its own.
    func committing(_ script: StoreScript<BatchOutcome>) async throws -> BatchOutcome {
        try await groupCommit.commit { db in try Self.run(script, in: db) }
    }

    /// The group commit of `writer`: one write transaction per group, one savepoint per batch.
    ///
    /// A batch whose plan is refused fails alone; a database error (a full disk) may have ended
    /// the transaction, so it fails the whole group and nothing of it is stored.
    static func makeGroupCommit(_ writer: any DatabaseWriter) -> GroupCommit<Database> {
        GroupCommit { jobs in
            do {
                return try await writer.write { db in
                    var results: [Result<BatchOutcome, any Error>] = []
                    for job in jobs {
                        do {
                            var outcome: BatchOutcome?
                            try db.inSavepoint {
                                outcome = try job(db)
                                return .commit
                            }
                            guard let outcome else { throw StoreError.unavailable("A batch returned no outcome.") }
                            results.append(.success(outcome))
                        } catch let error as DatabaseError {
                            throw error
                        } catch {
                            results.append(.failure(error))
                        }
                    }
                    return results
                }
            } catch {
                throw Self.mapped(error)
            }
        }
    }

    /// Deletes the relay notes of `ids`, then checkpoints the WAL into the database file and
    /// truncates it, so no old page of an erased state stays in the `-wal` file.
    func scrubErased(ids: [UUID]) async throws {
        try await writing(Self.relayDeletion(ids))
        do {
            try await writer.writeWithoutTransaction { db in
                // Readers may still hold old frames; TRUNCATE waits for them (busy timeout).
                _ = try db.checkpoint(.truncate)
            }
        } catch {
            throw Self.mapped(error)
        }
    }
}
