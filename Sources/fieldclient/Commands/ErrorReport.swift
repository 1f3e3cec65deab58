import Foundation
import GRDB
import SyncModel

/// Turns any failure into an exit status and a message that tells the user what to do.
enum ErrorReport {
    /// The status and message for `error`.
    static func describe(_ error: any Error) -> (ExitStatus, String) {
        switch error {
        case let error as FieldClientError:
            return (error.status, error.message)
        case is StoreLockedError:
            return (.unauthorized, EncryptionTexts.text(.storeLocked, ["path": "(--store)"]))
        case let error as DamagedRecordError:
            return (.storeFailure, EncryptionTexts.text(.recordDamaged, ["id": error.id]))
        case let error as StoreOpenError:
            return (.storeFailure, error.message)
        case let error as AnswerValidationError:
            return (.invalidData, (["The answers are not valid; nothing was changed:"] + error.lines).joined(separator: "\n"))
        case let error as TransportError:
            return (error.status, describe(error))
        case let error as RecordError:
            return (.invalidData, error.message)
        case let error as DatabaseError:
            let detail: String = error.message ?? String(describing: error.resultCode)
            let message: String = "The local store cannot be read or written (" + detail + "). "
                + "Check free disk space and permissions; nothing else was changed."
            return (.storeFailure, message)
        default:
            return (.storeFailure, "Unexpected failure: \(error)")
        }
    }

    /// The message for a server failure.
    static func describe(_ error: TransportError) -> String {
        switch error {
        case .unreachable(let detail):
            return "Cannot reach the server (\(detail.prefix(160))). Check the connection and the server URL, then try again."
        case .unauthorized:
            return "The server no longer accepts this device (its enrollment was revoked or is unknown). "
                + "Ask your trainer for a new enrollment code and run 'fieldclient join' again; your unsynced "
                + "changes stay on this device."
        case .forbidden(let detail), .rejected(_, let detail):
            return "The server refused: \(detail.message)"
        case .unexpectedAnswer(let message):
            return message
        }
    }
}
